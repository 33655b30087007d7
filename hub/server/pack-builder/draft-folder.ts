// Where a draft's files live: in the hub's pack folder (shared storage when several hub
// processes serve one database), one folder per draft:
//
//   drafts/<id>/source/        the pack folder a merchandiser would edit with the CLI:
//                              pack.json, data/*.json, data/products.json, media/
//   drafts/<id>/incoming/      uploads arriving (a sheet, a picture), streamed to disk
//   drafts/<id>/refused.csv    the last sheet's refused rows, to fix and upload again
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from '../../../content/lib/files/durable-write.ts';
import type { HubContext } from '../hub-context.ts';
import { packFolder } from '../packs/pack-folder.ts';

export interface DraftFolder {
  root: string;
  source: string;
  incoming: string;
  refusedCsv: string;
}

export function draftFolder(hub: HubContext, id: string): DraftFolder {
  if (!/^[a-z0-9-]{8,64}$/.test(id)) throw new Error(`not a draft id: ${id}`);
  const root = path.join(packFolder(hub).root, 'drafts', id);
  return { root, source: path.join(root, 'source'), incoming: path.join(root, 'incoming'), refusedCsv: path.join(root, 'refused.csv') };
}

/** A fresh file name in incoming/ for an upload. */
export async function incomingFile(folder: DraftFolder, suffix = ''): Promise<string> {
  await mkdir(folder.incoming, { recursive: true });
  return path.join(folder.incoming, `${Date.now()}-${randomBytes(6).toString('hex')}${suffix}`);
}

export async function readSourceJson(folder: DraftFolder, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(folder.source, file), 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes a JSON file of the draft whole or not at all (a crash leaves the old one). */
export async function writeSourceJson(folder: DraftFolder, file: string, value: unknown): Promise<void> {
  const target = path.join(folder.source, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileDurable(target, `${JSON.stringify(value, null, 2)}\n`);
}

export async function removeDraftFolder(folder: DraftFolder): Promise<void> {
  await rm(folder.root, { recursive: true, force: true });
}
