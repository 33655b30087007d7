// Content packs in the hub: a merchandiser uploads a .kpack (from the console or with
// `kiosk-pack publish`), the hub checks it with the very import code a kiosk runs, and
// keeps it for publishing. The upload is the raw file (application/octet-stream), streamed
// to disk: a 1 GB pack never sits in memory. Publishing is a rollout: a pack assigned to
// stores and/or kiosk groups from a start time, optionally staged (a pilot group or a
// share of the kiosks first), promoted to the rest, or rolled back in one call.
import { z } from 'zod';
import { TrustedKey } from '../../kiosk-config.ts';
import { DeviceId, StoreId } from '../enrolment.ts';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';

/** The most a pack upload may be. */
export const MAX_PACK_UPLOAD_BYTES = 2 * 1024 ** 3;

/** Words in both languages, as the CLI prints them. */
export const BilingualText = z.object({ zh: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

/** One thing to fix: where (file, row, field) and what, in Chinese and English. */
export const PackProblem = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string().nullable(),
  /** Row of a sheet as a spreadsheet numbers it. */
  row: z.number().nullable(),
  /** Position of a record in a list, from 1. */
  record: z.number().nullable(),
  /** The record's id or GTIN. */
  id: z.string().nullable(),
  field: z.string().nullable(),
  column: z.string().nullable(),
  message: BilingualText,
  fix: BilingualText.nullable(),
});
export type PackProblem = z.infer<typeof PackProblem>;

export const PackRow = z.object({
  /** The hub's id for this upload. */
  id: z.string(),
  packId: z.string(),
  version: z.string(),
  title: BilingualText,
  bytes: z.number(),
  /** SHA-256 of the .kpack, hex: what kiosks download is exactly this file. */
  sha256: z.string(),
  /** The key that signed it, by name. */
  signedBy: z.string(),
  keyId: z.string(),
  uploadedAt: z.number(),
  uploadedBy: z.string(),
  productCount: z.number(),
  /** From the manifest (ISO 8601), or null. */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** The stores and kiosks the pack is made for (empty: any). */
  targets: z.object({ stores: z.array(z.string()), kiosks: z.array(z.string()) }),
  /** In a rollout that is not rolled back: it cannot be deleted. */
  published: z.boolean(),
});
export type PackRow = z.infer<typeof PackRow>;

export const PackCheckFailure = z.object({
  ok: z.literal(false),
  /** The import's code: hash-mismatch, bad-signature, zip-slip, zip-bomb, schema… the same a kiosk reports. */
  code: z.string(),
  message: BilingualText,
  fix: BilingualText,
  problems: z.array(PackProblem),
  /** The whole report as the CLI prints it (both languages, one problem after another). */
  report: z.string(),
});
export type PackCheckFailure = z.infer<typeof PackCheckFailure>;

export const uploadPackRoute = route({
  method: 'POST',
  path: '/api/packs',
  auth: 'console',
  accessTokens: true,
  rawBody: 'application/octet-stream',
  summary:
    'Uploads a .kpack (the raw file, application/octet-stream); it is checked as a kiosk checks it and kept when good. The same pack again answers 200 with alreadyUploaded; the same packId and version with other bytes 409.',
  responses: {
    200: z.object({ ok: z.literal(true), pack: PackRow, alreadyUploaded: z.boolean() }),
    400: ApiErrorBody,
    401: ApiErrorBody,
    403: ApiErrorBody,
    /** Nothing arrived for a minute: upload again. */
    408: ApiErrorBody,
    409: ApiErrorBody,
    413: ApiErrorBody,
    415: ApiErrorBody,
    422: PackCheckFailure,
    /** The hub's pack folder is full. */
    507: ApiErrorBody,
  },
});

export const packsListRoute = route({
  method: 'GET',
  path: '/api/packs',
  auth: 'console',
  accessTokens: true,
  summary: 'The packs uploaded to the hub, newest first.',
  responses: { 200: z.object({ packs: z.array(PackRow) }) },
});

export const PackUploadId = z.string().regex(/^pk_[A-Za-z0-9_-]{8,40}$/);

export const packRoute = route({
  method: 'GET',
  path: '/api/packs/:id',
  auth: 'console',
  accessTokens: true,
  summary: 'One uploaded pack, its files (path, size, SHA-256) and the rollouts that publish it.',
  params: z.object({ id: PackUploadId }),
  responses: {
    200: z.object({
      pack: PackRow,
      files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string() })),
      rollouts: z.array(z.lazy(() => RolloutRow)),
    }),
    404: ApiErrorBody,
    /** The row is there but its files are not (the pack folder was not restored with the database). */
    410: ApiErrorBody,
  },
});

export const deletePackRoute = route({
  method: 'DELETE',
  path: '/api/packs/:id',
  auth: 'console',
  summary: 'Deletes an uploaded pack that no rollout publishes (rolled-back rollouts of it are kept in the history).',
  params: z.object({ id: PackUploadId }),
  responses: { 200: z.object({ ok: z.literal(true) }), 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody },
});

export const packFileRoute = route({
  method: 'GET',
  path: '/api/packs/:id/kpack',
  auth: 'console',
  accessTokens: true,
  summary: 'The .kpack as uploaded (application/octet-stream).',
  params: z.object({ id: PackUploadId }),
  responses: { 200: z.unknown(), 404: ApiErrorBody },
});

// ── trusted merchandising keys ────────────────────────────────────────────────────────

export const PackKeyRow = z.object({
  name: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  /** `hub`: the hub's own key (packs built in the console are signed with it; it cannot be removed). */
  source: z.enum(['hub', 'added']),
  addedBy: z.string().nullable(),
  addedAt: z.number(),
});
export type PackKeyRow = z.infer<typeof PackKeyRow>;

export const packKeysRoute = route({
  method: 'GET',
  path: '/api/pack-keys',
  auth: 'console',
  summary: 'The merchandising keys uploads are checked against (and kiosks are told to trust).',
  responses: { 200: z.object({ keys: z.array(PackKeyRow) }) },
});

export const addPackKeyRoute = route({
  method: 'POST',
  path: '/api/pack-keys',
  auth: 'console',
  summary: 'Trusts a merchandiser\'s public key: the JSON `kiosk-pack keygen` writes ({"name", "keyId", "publicKey"}). Admins only.',
  body: TrustedKey,
  responses: { 200: PackKeyRow, 400: ApiErrorBody, 403: ApiErrorBody, 409: ApiErrorBody },
});

export const removePackKeyRoute = route({
  method: 'DELETE',
  path: '/api/pack-keys/:keyId',
  auth: 'console',
  summary: 'Stops trusting a key: new uploads signed with it are refused; kiosks stop trusting it at their next heartbeat. Admins only.',
  params: z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/) }),
  responses: { 200: z.object({ ok: z.literal(true) }), 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody },
});

// ── personal access tokens ────────────────────────────────────────────────────────────

/** A personal access token: a script's way to act as its console user (`Authorization: Bearer pt_…`). */
export const AccessTokenRow = z.object({ id: z.string(), name: z.string(), createdAt: z.number(), lastUsedAt: z.number().nullable(), revoked: z.boolean() });
export type AccessTokenRow = z.infer<typeof AccessTokenRow>;
export const accessTokensRoute = route({
  method: 'GET',
  path: '/api/tokens',
  auth: 'console',
  summary: "The signed-in user's access tokens (never their secrets).",
  responses: { 200: z.object({ tokens: z.array(AccessTokenRow) }) },
});
export const createAccessTokenRoute = route({
  method: 'POST',
  path: '/api/tokens',
  auth: 'console',
  summary: 'Makes an access token for the signed-in user (e.g. for kiosk-pack publish); the secret is shown once. Admins and merchandisers.',
  body: z.strictObject({ name: z.string().trim().min(1).max(80) }),
  responses: { 200: z.object({ secret: z.string(), token: AccessTokenRow }), 400: ApiErrorBody, 403: ApiErrorBody },
});
export const revokeAccessTokenRoute = route({
  method: 'POST',
  path: '/api/tokens/:id/revoke',
  auth: 'console',
  summary: 'Stops an access token.',
  params: z.object({ id: z.string().max(64) }),
  responses: { 200: AccessTokenRow, 404: ApiErrorBody },
});

// ── kiosk groups ──────────────────────────────────────────────────────────────────────

/** A kiosk group (tag) such as "pilot": letters, digits, dot, dash, underscore. */
export const KioskGroup = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, { message: 'letters, digits, dot, dash and underscore' });

export const putKioskGroupsRoute = route({
  method: 'PUT',
  path: '/api/kiosks/:deviceId/groups',
  auth: 'console',
  summary: "Sets a kiosk's groups (e.g. pilot): rollouts can target them. Admins and merchandisers.",
  params: z.object({ deviceId: DeviceId }),
  body: z.strictObject({ groups: z.array(KioskGroup).max(20) }),
  responses: { 200: z.object({ deviceId: z.string(), groups: z.array(z.string()) }), 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody },
});

// ── rollouts ──────────────────────────────────────────────────────────────────────────

/**
 * How a rollout starts: everyone in scope at once; the kiosks of a pilot group first;
 * or a share of the kiosks first (chosen by kiosk id, the same kiosks every time).
 */
export const RolloutStaging = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('pilot'), group: KioskGroup }),
  z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(1).max(99) }),
]);
export type RolloutStaging = z.infer<typeof RolloutStaging>;

export const RolloutState = z.enum(['scheduled', 'pilot', 'live', 'rolled-back']);

export const RolloutRow = z.object({
  id: z.string(),
  /** The uploaded pack (PackRow.id) and what it is. */
  pack: z.string(),
  packId: z.string(),
  version: z.string(),
  /** Stores and groups it covers (a kiosk in any of them); both empty: every kiosk. */
  stores: z.array(z.string()),
  groups: z.array(z.string()),
  staging: RolloutStaging,
  /** `pilot`: only the first stage's kiosks have it; `full`: every kiosk in scope. */
  phase: z.enum(['pilot', 'full']),
  /** For a percent rollout still in its first stage: the share of kiosks that have it now. */
  percent: z.number().nullable(),
  state: RolloutState,
  startsAt: z.number(),
  createdAt: z.number(),
  createdBy: z.string(),
  promotedAt: z.number().nullable(),
  rolledBackAt: z.number().nullable(),
  rolledBackBy: z.string().nullable(),
  /** Kiosks this rollout assigns the pack to now (a newer rollout may take some over), and how they are doing. */
  kiosks: z.object({ assigned: z.number(), running: z.number(), failed: z.number() }),
});
export type RolloutRow = z.infer<typeof RolloutRow>;

export const rolloutsRoute = route({
  method: 'GET',
  path: '/api/rollouts',
  auth: 'console',
  summary: 'Every rollout, newest first.',
  responses: { 200: z.object({ rollouts: z.array(RolloutRow), now: z.number() }) },
});

export const createRolloutRoute = route({
  method: 'POST',
  path: '/api/rollouts',
  auth: 'console',
  summary: 'Publishes an uploaded pack to stores and/or kiosk groups from a start time (default now), staged or at once. Admins and merchandisers.',
  body: z.strictObject({
    pack: PackUploadId,
    stores: z.array(StoreId).max(500).default([]),
    groups: z.array(KioskGroup).max(50).default([]),
    /** Epoch ms; omitted: now. */
    startsAt: z.number().int().nonnegative().optional(),
    staging: RolloutStaging.default({ kind: 'all' }),
  }),
  responses: { 200: RolloutRow, 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody },
});

export const promoteRolloutRoute = route({
  method: 'POST',
  path: '/api/rollouts/:id/promote',
  auth: 'console',
  summary: 'The next stage: every kiosk in scope, or (percent rollouts) a larger share. Admins and merchandisers.',
  params: z.object({ id: z.string().max(64) }),
  body: z.strictObject({ percent: z.number().int().min(1).max(100).optional() }).default({}),
  responses: { 200: RolloutRow, 400: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody },
});

export const rollbackRolloutRoute = route({
  method: 'POST',
  path: '/api/rollouts/:id/rollback',
  auth: 'console',
  summary: 'Undoes a rollout: its kiosks go back to what the rollout before it assigned them. Admins and merchandisers.',
  params: z.object({ id: z.string().max(64) }),
  responses: { 200: RolloutRow, 403: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody },
});

// ── which kiosk runs which pack ───────────────────────────────────────────────────────

export const PackVersion = z.object({ packId: z.string(), version: z.string() });

export const KioskPackStatus = z.enum([
  /** Runs what it is assigned. */
  'current',
  /** Assigned a pack it does not run yet (downloading, or waiting for the shopper to leave). */
  'updating',
  /** Assigned a pack it refused or went back from by itself. */
  'failed',
  /** Nothing assigned: it runs whatever it has. */
  'unassigned',
]);

export const KioskPackRow = z.object({
  deviceId: z.string(),
  name: z.string(),
  storeId: z.string(),
  groups: z.array(z.string()),
  online: z.boolean(),
  lastHeartbeatAt: z.number().nullable(),
  mode: z.enum(['electron', 'web']).nullable(),
  assigned: PackVersion.extend({ pack: z.string(), rolloutId: z.string() }).nullable(),
  running: PackVersion.nullable(),
  /** The kiosk's last failed import, as it reported it. */
  packProblem: z.string().nullable(),
  /** Packs it went back from since the app started. */
  packRollbacks: z.number(),
  status: KioskPackStatus,
});
export type KioskPackRow = z.infer<typeof KioskPackRow>;

export const kioskPacksRoute = route({
  method: 'GET',
  path: '/api/pack-fleet',
  auth: 'console',
  summary: 'Every kiosk the user may see: the pack the hub assigns it, the pack it runs (from its heartbeats), and whether it failed or rolled back.',
  query: z.object({ storeId: StoreId.optional() }),
  responses: { 200: z.object({ kiosks: z.array(KioskPackRow), now: z.number() }) },
});
