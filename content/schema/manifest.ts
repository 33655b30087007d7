import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { IsoDateTime, PackPath, RecordId } from './primitives.ts';
import { Schedule } from './schedule.ts';

export const CURRENT_SCHEMA_VERSION = 1;

export const FileEntry = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' }),
    size: z.number().int().min(0),
  })
  .strict();

/** `manifest.json` at the root of a pack; signed byte-for-byte by `manifest.sig`. */
export const Manifest = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    packId: RecordId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { message: 'use a version like 1.4.0' }),
    title: LocalizedText,
    createdAt: IsoDateTime,
    validFrom: IsoDateTime.optional(),
    validTo: IsoDateTime.optional(),
    /** Stores and kiosks this pack is for; empty lists mean every store / every kiosk. */
    targets: z.object({ stores: z.array(z.string().max(64)).default([]), kiosks: z.array(z.string().max(64)).default([]) }).strict().default({ stores: [], kiosks: [] }),
    schedule: Schedule,
    /** Every other file in the pack with its SHA-256 and size in bytes. */
    files: z.record(PackPath, FileEntry),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

/** `manifest.sig`: a detached Ed25519 signature over the exact bytes of manifest.json. */
export const ManifestSignature = z
  .object({
    alg: z.literal('Ed25519'),
    /** First 16 hex digits of SHA-256 over the raw 32-byte public key. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { message: 'an Ed25519 signature is 64 bytes of base64' }),
  })
  .strict();
export type ManifestSignature = z.infer<typeof ManifestSignature>;

/** Compares x.y.z versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
