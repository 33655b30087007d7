// The fleet: every kiosk as the console lists it, one kiosk's history for its plots,
// enrolment codes, revocation and the commands sent to kiosks.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { CommandKind, LogLinesWanted } from '../commands.ts';
import { DeviceId, StoreId } from '../enrolment.ts';
import { AppUpdateReport, CameraState, ScannerState } from '../heartbeat.ts';
import { route } from '../route.ts';

export const KioskRow = z.object({
  deviceId: z.string(),
  name: z.string(),
  storeId: z.string(),
  enrolledAt: z.string(),
  revoked: z.boolean(),
  /** A heartbeat within the last few minutes. */
  online: z.boolean(),
  lastHeartbeatAt: z.number().nullable(),
  appVersion: z.string().nullable(),
  mode: z.enum(['electron', 'web']).nullable(),
  pack: z.object({ packId: z.string(), version: z.string() }).nullable(),
  packProblem: z.string().nullable(),
  outboxDepth: z.number().nullable(),
  oldestUnsentAgeMs: z.number().nullable(),
  /** Seq numbers missing at the hub, not explained by an Events Dropped report. */
  seqGaps: z.number(),
  rendererRestarts: z.number().nullable(),
  rendererCrashes: z.number().nullable(),
  camera: CameraState.nullable(),
  scanner: ScannerState.nullable(),
  lastInteractionAt: z.number().nullable(),
  openAlerts: z.number(),
  /** The app's self-update as the last heartbeat told it (null: the kiosk does not update itself, or is older). */
  update: AppUpdateReport.nullable().optional(),
});
export type KioskRow = z.infer<typeof KioskRow>;

export const fleetRoute = route({
  method: 'GET',
  path: '/api/kiosks',
  auth: 'console',
  summary: 'Every kiosk the signed-in user may see, optionally of one store.',
  query: z.object({ storeId: StoreId.optional() }),
  responses: { 200: z.object({ kiosks: z.array(KioskRow), now: z.number() }) },
});

export const HealthPoint = z.object({
  at: z.number(),
  outboxDepth: z.number().nullable(),
  jsHeapBytes: z.number().nullable(),
  fps: z.number().nullable(),
});
export const KioskHistory = z.object({
  kiosk: KioskRow,
  /** Heartbeats over the last 7 days (at most one point per 10 minutes). */
  health: z.array(HealthPoint),
  /** Shopper sessions started, per hour, over the last 7 days (hours without any left out). */
  sessionsPerHour: z.array(z.object({ hour: z.number(), sessions: z.number() })),
  /** The hub's time of the answer: the page counts ages from it, as the fleet page does, so they agree with "online" whatever the browser's clock says. */
  now: z.number(),
});
export type KioskHistory = z.infer<typeof KioskHistory>;

export const kioskRoute = route({
  method: 'GET',
  path: '/api/kiosks/:deviceId',
  auth: 'console',
  summary: "One kiosk and its last 7 days: queue depth, JS heap, fps, sessions per hour.",
  params: z.object({ deviceId: DeviceId }),
  responses: { 200: KioskHistory, 404: ApiErrorBody },
});

export const revokeKioskRoute = route({
  method: 'POST',
  path: '/api/kiosks/:deviceId/revoke',
  auth: 'console',
  summary: "Revokes a kiosk's credential: it gets 401 from now on and keeps its events until it enrols again.",
  params: z.object({ deviceId: DeviceId }),
  responses: { 200: KioskRow, 403: ApiErrorBody, 404: ApiErrorBody },
});

export const EnrolmentSecretKind = z.enum(['code', 'token']);
export const EnrolmentSecretRow = z.object({
  id: z.number(),
  kind: EnrolmentSecretKind,
  storeId: z.string(),
  kioskName: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  expiresAt: z.number(),
  /** Kiosks enrolled with it (a code allows one). */
  uses: z.number(),
  revoked: z.boolean(),
});
export type EnrolmentSecretRow = z.infer<typeof EnrolmentSecretRow>;

export const enrolmentSecretsRoute = route({
  method: 'GET',
  path: '/api/enrolment',
  auth: 'console',
  summary: 'Enrolment codes and tokens (never their secrets).',
  responses: { 200: z.object({ secrets: z.array(EnrolmentSecretRow) }), 403: ApiErrorBody },
});

export const createEnrolmentSecretRoute = route({
  method: 'POST',
  path: '/api/enrolment',
  auth: 'console',
  summary: 'Makes a one-time enrolment code (for one kiosk) or an enrolment token (for a roll-out); the secret is shown once.',
  body: z.strictObject({
    kind: EnrolmentSecretKind,
    storeId: StoreId,
    kioskName: z.string().max(80).nullable().default(null),
    validHours: z.number().int().min(1).max(24 * 90).default(24),
  }),
  responses: { 200: z.object({ secret: z.string(), row: EnrolmentSecretRow }), 400: ApiErrorBody, 403: ApiErrorBody },
});

export const revokeEnrolmentSecretRoute = route({
  method: 'POST',
  path: '/api/enrolment/:id/revoke',
  auth: 'console',
  summary: 'Stops an enrolment code or token from enrolling any more kiosks.',
  params: z.object({ id: z.coerce.number().int() }),
  responses: { 200: EnrolmentSecretRow, 403: ApiErrorBody, 404: ApiErrorBody },
});

export const CommandState = z.enum(['pending', 'delivered', 'done', 'failed', 'expired']);
export const CommandRow = z.object({
  id: z.string(),
  deviceId: z.string(),
  kind: CommandKind,
  state: CommandState,
  createdAt: z.number(),
  createdBy: z.string(),
  expiresAt: z.number(),
  finishedAt: z.number().nullable(),
  message: z.string().nullable(),
  /** The screenshot's size when there is one: GET /api/commands/:id/screenshot. */
  screenshot: z.object({ width: z.number(), height: z.number() }).nullable(),
  /** A `logs` command: the lines asked for, and how many came back (GET /api/commands/:id/log). */
  log: z.object({ wanted: z.number().int().nullable(), received: z.number().int().nullable() }).nullable().optional(),
});
export type CommandRow = z.infer<typeof CommandRow>;

export const sendCommandRoute = route({
  method: 'POST',
  path: '/api/commands',
  auth: 'console',
  summary: 'Sends a command to one kiosk or to every kiosk of a store.',
  body: z.strictObject({
    kind: CommandKind,
    target: z.union([z.strictObject({ deviceId: DeviceId }), z.strictObject({ storeId: StoreId })]),
    /** `logs`: how many of the last lines of the log to fetch (200 when not said). */
    lines: LogLinesWanted.optional(),
    /** Minutes until a command not yet run lapses. */
    expiresInMin: z.number().int().min(1).max(24 * 60).default(15),
  }),
  responses: { 200: z.object({ commands: z.array(CommandRow) }), 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody },
});

export const commandsListRoute = route({
  method: 'GET',
  path: '/api/commands',
  auth: 'console',
  summary: 'Recent commands, newest first, optionally of one kiosk.',
  query: z.object({ deviceId: DeviceId.optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
  responses: { 200: z.object({ commands: z.array(CommandRow) }) },
});

/** The log lines of a `logs` command's result, as plain text (text/plain, one line each, oldest first). */
export const commandLogRoute = route({
  method: 'GET',
  path: '/api/commands/:id/log',
  auth: 'console',
  summary: "A logs command's result: the last lines of the kiosk's log file as text.",
  params: z.object({ id: z.string().max(64) }),
  responses: { 200: z.string(), 403: ApiErrorBody, 404: ApiErrorBody },
});

/** The image of a screenshot command's result (image/jpeg, not JSON). */
export const commandScreenshotRoute = route({
  method: 'GET',
  path: '/api/commands/:id/screenshot',
  auth: 'console',
  summary: "A screenshot command's image: the kiosk window, downscaled, as JPEG.",
  params: z.object({ id: z.string().max(64) }),
  responses: { 200: z.instanceof(Uint8Array), 403: ApiErrorBody, 404: ApiErrorBody },
});
