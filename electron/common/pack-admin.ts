// What the host tells the renderer about content packs: files an admin can install,
// the check report before installing, and notices (imports, rollbacks) that become
// engagement events.

export type PackSource = 'bundled' | 'folder' | 'url' | 'admin';

export interface PackFileCandidate {
  /** Opaque id; the renderer never sends a path to the host. */
  id: string;
  name: string;
  folder: string;
  size: number;
  modifiedAt: string;
}

export type PackCheckReport =
  | { ok: true; packId: string; version: string; title: string; productCount: number; validTo: string | null }
  | { ok: false; code: string; message: string; problems: string[] };

export type HostNotice =
  | { id: number; kind: 'pack-activated'; at: string; packId: string; version: string; source: PackSource }
  | { id: number; kind: 'pack-rolled-back'; at: string; packId: string; version: string; reason: string; toPackId: string | null; toVersion: string | null }
  | { id: number; kind: 'pack-import-failed'; at: string; source: PackSource; file: string; code: string; message: string };

export type HostNoticeInput = HostNotice extends infer N ? (N extends HostNotice ? Omit<N, 'id' | 'at'> : never) : never;
