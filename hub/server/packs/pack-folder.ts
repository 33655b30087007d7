// The hub's pack folder (HUB_PACK_DIR, by default <data>/packs; shared storage when
// several hub processes serve one database). Everything the pack routes write is in it:
//
//   staging/<upload>.kpack   an upload arriving, streamed and hashed
//   staging/<upload>/        its check: the import unpacks it here
//   archives/<sha256>.kpack  a kept pack, byte for byte as uploaded (what kiosks download)
//   files/<sha256>/          its unpacked, checked files (preview, diff, browser-mode kiosks)
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { HubContext } from '../hub-context.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export interface PackFolder {
  root: string;
  staging: string;
  archives: string;
  files: string;
}

export function packFolder(hub: HubContext): PackFolder {
  const root = path.resolve(hub.options.packDir);
  return { root, staging: path.join(root, 'staging'), archives: path.join(root, 'archives'), files: path.join(root, 'files') };
}

export async function ensurePackFolder(folder: PackFolder): Promise<void> {
  for (const dir of [folder.staging, folder.archives, folder.files]) await mkdir(dir, { recursive: true });
}

/** A fresh name for an upload in staging (its .kpack and its check folder). */
export const newStagingName = (): string => `${Date.now()}-${randomBytes(8).toString('hex')}`;

function checkedSha(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

/** The kept .kpack of a pack. */
export const archiveFile = (folder: PackFolder, sha256: string): string => path.join(folder.archives, `${checkedSha(sha256)}.kpack`);

/** The folder of a kept pack's unpacked, checked files (manifest.json, data/, catalog/, media/…). */
export const unpackedDir = (folder: PackFolder, sha256: string): string => path.join(folder.files, checkedSha(sha256));

/** Removes what uploads cut short (a crash, a dropped connection in another process) left in staging a day ago or more. */
export async function sweepStaging(folder: PackFolder, now: number, olderThanMs = 24 * 3_600_000): Promise<void> {
  const names = await readdir(folder.staging).catch(() => [] as string[]);
  for (const name of names) {
    const started = Number(/^(\d+)-/.exec(name)?.[1] ?? NaN);
    const old = Number.isFinite(started) ? now - started > olderThanMs : ((await stat(path.join(folder.staging, name)).catch(() => null))?.mtimeMs ?? now) < now - olderThanMs;
    if (old) await rm(path.join(folder.staging, name), { recursive: true, force: true });
  }
}
