// What the self-update keeps in the data folder's app-updates/: the pending update (what
// was installed over what, and where the previous version is kept), the versions gone
// back from (never installed again), and the updater's own settings file. Written
// atomically; a damaged file reads as nothing.
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../json-file.ts';
import type { PendingUpdate } from './probation.ts';

export const UPDATES_DIR = 'app-updates';

export const updatePaths = (dataDir: string) => {
  const dir = path.join(dataDir, UPDATES_DIR);
  return {
    dir,
    pending: path.join(dir, 'pending.json'),
    history: path.join(dir, 'history.json'),
    /** The previous AppImage or .deb, kept for the way back. */
    previousDir: path.join(dir, 'previous'),
    /** The .deb of the running version, when it came through an update: the next update's way back. */
    installedDir: path.join(dir, 'installed'),
    /** electron-updater's settings (its cache folder name) and download cache. */
    updaterConfig: path.join(dir, 'app-update.yml'),
    cache: path.join(dir, 'cache'),
  };
};

const Pending = z.object({
  fromVersion: z.string(),
  toVersion: z.string(),
  kind: z.enum(['appimage', 'deb']),
  target: z.string(),
  previous: z.string().nullable(),
  installedAt: z.number(),
  readyTimeoutSec: z.number(),
  starts: z.number().int(),
  rolledBack: z.object({ reason: z.string(), at: z.number() }).nullable(),
});

export const RejectedVersion = z.object({ version: z.string(), reason: z.string(), at: z.number() });
export type RejectedVersion = z.infer<typeof RejectedVersion>;
const History = z.object({ rejected: z.array(RejectedVersion).default([]) });

export async function readPending(file: string): Promise<PendingUpdate | null> {
  const parsed = Pending.safeParse(await readJsonFile(file).catch(() => undefined));
  return parsed.success ? parsed.data : null;
}

export const writePending = (file: string, pending: PendingUpdate | null) => writeJsonFileAtomic(file, pending);

export async function readRejected(file: string): Promise<RejectedVersion[]> {
  const parsed = History.safeParse(await readJsonFile(file).catch(() => undefined));
  return parsed.success ? parsed.data.rejected : [];
}

/** Adds a version gone back from; the last 20 are kept. */
export async function addRejected(file: string, entry: RejectedVersion): Promise<RejectedVersion[]> {
  const rejected = [...(await readRejected(file)).filter((r) => r.version !== entry.version), entry].slice(-20);
  await writeJsonFileAtomic(file, { rejected });
  return rejected;
}

/** Whether version `a` is newer than `b` (x.y.z, a pre-release after its dot-parts is older than none). */
export function isNewerVersion(a: string, b: string): boolean {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/[-+]/, 2);
    return { parts: core.split('.').map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  if (x.pre === y.pre) return false;
  if (x.pre === null) return true;
  if (y.pre === null) return false;
  return x.pre > y.pre;
}
