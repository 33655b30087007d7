// The kiosk↔hub HTTP API and the console's API: every route declared once, with its
// schemas. The hub's routes, the kiosk's clients and the console's client are all
// built on these declarations.
export * from './route.ts';
export * from './errors.ts';
export * from './track-message.ts';
export * from './batch.ts';
export * from './enrolment.ts';
export * from './heartbeat.ts';
export * from './pack.ts';
export * from './commands.ts';
export * from './redemptions.ts';
export * from './tracking-plan.ts';
export * from './console/index.ts';

import { batchRoute } from './batch.ts';
import { commandResultRoute, commandsRoute } from './commands.ts';
import { alertSettingsRoute, alertsRoute, auditRoute, putAlertSettingsRoute } from './console/alerts.ts';
import { loginRoute, logoutRoute, meRoute, setupCheckRoute, setupRoute } from './console/auth.ts';
import {
  commandLogRoute,
  commandScreenshotRoute,
  commandsListRoute,
  createEnrolmentSecretRoute,
  enrolmentSecretsRoute,
  fleetRoute,
  kioskRoute,
  revokeEnrolmentSecretRoute,
  revokeKioskRoute,
  sendCommandRoute,
} from './console/fleet.ts';
import { putStoreRoute, storesRoute } from './console/stores.ts';
import { createUserRoute, updateUserRoute, usersRoute } from './console/users.ts';
import { enrolRoute } from './enrolment.ts';
import { redeemBatchRoute, redeemRoute } from './redemptions.ts';
import { dwellRoute, eventsExportRoute, funnelRoute, gamesRoute, heatmapRoute, inputsRoute, packListRoute, packsRoute, planProblemsRoute, scansRoute } from './console/analytics.ts';
import {
  accessTokensRoute,
  addPackKeyRoute,
  createAccessTokenRoute,
  createRolloutRoute,
  deletePackRoute,
  kioskPacksRoute,
  packFileRoute,
  packKeysRoute,
  packRoute,
  packsListRoute,
  promoteRolloutRoute,
  putKioskGroupsRoute,
  removePackKeyRoute,
  revokeAccessTokenRoute,
  rollbackRolloutRoute,
  rolloutsRoute,
  uploadPackRoute,
} from './console/packs.ts';
import { packDiffRoute } from './console/pack-diff.ts';
import { kioskPackRoute, packFilesRoute } from './pack.ts';
import { consoleRedeemRoute, createTillRoute, reconciliationRoute, revokeTillRoute, tillsRoute } from './console/tills.ts';
import { heartbeatRoute } from './heartbeat.ts';
import { PACK_DRAFT_ROUTES } from './console/pack-drafts.ts';
import { trackingPlanRoute } from './tracking-plan.ts';

/** The routes a kiosk calls. */
export const KIOSK_API = {
  enrol: enrolRoute,
  batch: batchRoute,
  heartbeat: heartbeatRoute,
  commands: commandsRoute,
  commandResult: commandResultRoute,
  pack: kioskPackRoute,
} as const;

/** The routes anyone may call: they hold no data. */
export const PUBLIC_API = {
  trackingPlan: trackingPlanRoute,
  packFiles: packFilesRoute,
} as const;

/** The routes a till calls. */
export const TILL_API = {
  redeem: redeemRoute,
  redeemBatch: redeemBatchRoute,
} as const;

/** The routes the console calls. */
export const CONSOLE_API = {
  setupCheck: setupCheckRoute,
  setup: setupRoute,
  login: loginRoute,
  logout: logoutRoute,
  me: meRoute,
  users: usersRoute,
  createUser: createUserRoute,
  updateUser: updateUserRoute,
  stores: storesRoute,
  putStore: putStoreRoute,
  fleet: fleetRoute,
  kiosk: kioskRoute,
  revokeKiosk: revokeKioskRoute,
  enrolmentSecrets: enrolmentSecretsRoute,
  createEnrolmentSecret: createEnrolmentSecretRoute,
  revokeEnrolmentSecret: revokeEnrolmentSecretRoute,
  sendCommand: sendCommandRoute,
  commandsList: commandsListRoute,
  commandScreenshot: commandScreenshotRoute,
  commandLog: commandLogRoute,
  alerts: alertsRoute,
  alertSettings: alertSettingsRoute,
  putAlertSettings: putAlertSettingsRoute,
  audit: auditRoute,
  funnel: funnelRoute,
  heatmap: heatmapRoute,
  dwell: dwellRoute,
  packs: packsRoute,
  scans: scansRoute,
  games: gamesRoute,
  inputs: inputsRoute,
  packVersions: packListRoute,
  planProblems: planProblemsRoute,
  eventsExport: eventsExportRoute,
  tills: tillsRoute,
  createTill: createTillRoute,
  revokeTill: revokeTillRoute,
  tillRedeem: consoleRedeemRoute,
  reconciliation: reconciliationRoute,
  uploadPack: uploadPackRoute,
  packLibrary: packsListRoute,
  accessTokens: accessTokensRoute,
  createAccessToken: createAccessTokenRoute,
  revokeAccessToken: revokeAccessTokenRoute,
  pack: packRoute,
  deletePack: deletePackRoute,
  packFile: packFileRoute,
  packKeys: packKeysRoute,
  addPackKey: addPackKeyRoute,
  removePackKey: removePackKeyRoute,
  putKioskGroups: putKioskGroupsRoute,
  rollouts: rolloutsRoute,
  createRollout: createRolloutRoute,
  promoteRollout: promoteRolloutRoute,
  rollbackRollout: rollbackRolloutRoute,
  packFleet: kioskPacksRoute,
  packDiff: packDiffRoute,
  ...PACK_DRAFT_ROUTES,
} as const;
