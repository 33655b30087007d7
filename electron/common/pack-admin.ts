// What the host tells the renderer about content packs: files an admin can install,
// the check report before installing, and notices (imports, rollbacks) that become
// engagement events.
import { z } from 'zod';

export const PackSource = z.enum(['bundled', 'folder', 'url', 'admin']);
export type PackSource = z.infer<typeof PackSource>;

export const PackFileCandidate = z.object({
  /** Opaque id; the renderer never sends a path to the host. */
  id: z.string(),
  name: z.string(),
  folder: z.string(),
  size: z.number(),
  modifiedAt: z.string(),
});
export type PackFileCandidate = z.infer<typeof PackFileCandidate>;

/** The opaque id of a pack file candidate, as the renderer sends it back. */
export const PackFileId = z.string().regex(/^[0-9a-f]{16}$/);

export const PackCheckReport = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), packId: z.string(), version: z.string(), title: z.string(), productCount: z.number(), validTo: z.string().nullable() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string(), problems: z.array(z.string()) }),
]);
export type PackCheckReport = z.infer<typeof PackCheckReport>;

const noticeBase = { id: z.number().int(), at: z.string() };
export const HostNotice = z.discriminatedUnion('kind', [
  z.object({ ...noticeBase, kind: z.literal('pack-activated'), packId: z.string(), version: z.string(), source: PackSource }),
  z.object({
    ...noticeBase,
    kind: z.literal('pack-rolled-back'),
    packId: z.string(),
    version: z.string(),
    reason: z.string(),
    toPackId: z.string().nullable(),
    toVersion: z.string().nullable(),
  }),
  z.object({ ...noticeBase, kind: z.literal('pack-import-failed'), source: PackSource, file: z.string(), code: z.string(), message: z.string() }),
]);
export type HostNotice = z.infer<typeof HostNotice>;

export type HostNoticeInput = HostNotice extends infer N ? (N extends HostNotice ? Omit<N, 'id' | 'at'> : never) : never;
