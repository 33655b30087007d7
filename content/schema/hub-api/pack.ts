// Content packs from the hub to a kiosk. The heartbeat's answer says which pack the hub
// assigns to the kiosk and which merchandising keys it should trust; the kiosk app
// downloads the .kpack with the update poller it already has (GET /v1/pack: strong ETag,
// If-None-Match, resumable Range) and imports it as it imports any pack. A kiosk in
// browser mode, which cannot import a .kpack, shows the hub's checked, unpacked copy
// from the address the answer names.
import { z } from 'zod';
import { TrustedKey } from '../kiosk-config.ts';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The pack the hub wants a kiosk to run. */
export const AssignedPack = z.object({
  packId: z.string(),
  version: z.string(),
  /** SHA-256 of the .kpack, hex: also its ETag (quoted) on GET /v1/pack. */
  sha256: Sha256Hex,
  bytes: z.number().int().nonnegative(),
  /** The rollout that assigns it. */
  rolloutId: z.string(),
  /** Path of the .kpack on the hub (kiosk credential): GET /v1/pack. */
  download: z.string(),
  /** Path of its checked, unpacked files on the hub, ending in "/" (browser-mode kiosks). */
  files: z.string(),
});
export type AssignedPack = z.infer<typeof AssignedPack>;

/** What the hub says about packs in each heartbeat answer. */
export const KioskPackNews = z.object({
  /** Keys packs from this hub are signed with: the hub's own and those an admin added. */
  trustedKeys: z.array(TrustedKey),
  /** Null: the hub assigns nothing; the kiosk keeps what it has. */
  assigned: AssignedPack.nullable(),
});
export type KioskPackNews = z.infer<typeof KioskPackNews>;

export const KIOSK_PACK_PATH = '/v1/pack';
/** Where a pack's unpacked files are served: /v1/pack-files/<sha256>/<path in the pack>. */
export const packFilesPath = (sha256: string): string => `/v1/pack-files/${sha256}/`;

export const kioskPackRoute = route({
  method: 'GET',
  path: KIOSK_PACK_PATH,
  auth: 'kiosk',
  summary:
    "The .kpack the hub assigns to this kiosk. ETag is its SHA-256; If-None-Match answers 304, Range 206 (If-Range honoured); 204 when nothing is assigned.",
  // 200 and 206 carry the file itself (application/octet-stream), 204 and 304 nothing.
  responses: { 200: z.unknown(), 204: z.unknown(), 206: z.unknown(), 304: z.unknown(), 401: ApiErrorBody, 416: ApiErrorBody, 429: ApiErrorBody },
});

export const packFilesRoute = route({
  method: 'GET',
  path: '/v1/pack-files/:sha256/*',
  auth: 'public',
  summary: "A file of a published pack, unpacked and checked, for kiosks in browser mode (the address holds the pack's SHA-256; only packs in a rollout are served).",
  params: z.object({ sha256: Sha256Hex, '*': z.string().max(500) }),
  responses: { 200: z.unknown(), 206: z.unknown(), 304: z.unknown(), 404: ApiErrorBody },
});
