// Copies the active pack's catalogue shards into the mirror, in the background after the
// pack is shown: one shard at a time with a pause between, and none while a game is being
// played (reading, hashing and storing a shard takes the frames a game needs), so a
// shopper on screen meanwhile notices nothing, and each shard checked against the SHA-256 its manifest names before it
// is kept. Shards of packs no longer shown are deleted first, so the mirror holds one
// catalogue (~60 MB for 100,000 products) and not one per pack ever shown.
import { realClock } from '../events/clock.ts';
import { isShard } from './catalog-lookup.ts';
import { shardFilesOf, type CatalogMirror, type ManifestFiles } from './catalog-mirror.ts';

export interface MirrorFillOptions {
  mirror: CatalogMirror;
  files: ManifestFiles;
  baseUrl: string;
  fetchImpl?: typeof fetch;
  /** Ends the fill early (another pack is shown). */
  signal: AbortSignal;
  /** The pause between two shards. */
  pauseMs?: number;
  /** Resolves once the screen can spare the time for a shard (no game is being played); at once when absent. */
  whenQuiet?: (signal: AbortSignal) => Promise<void>;
}

export interface MirrorFillResult {
  /** Shards the pack has. */
  shards: number;
  /** Shards copied now (the others were already held). */
  copied: number;
  /** Shards that could not be read or did not match their SHA-256; lookups read them from the pack. */
  skipped: string[];
  /** Shards of other packs deleted. */
  deleted: number;
  aborted: boolean;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The shard at `file` if its bytes are the ones the manifest names; a reason otherwise. */
async function readVerified(fetchImpl: typeof fetch, url: string, sha: string): Promise<{ shard: unknown } | { problem: string }> {
  let bytes: ArrayBuffer;
  try {
    const res = await fetchImpl(url);
    if (!res.ok) return { problem: `HTTP ${res.status}` };
    bytes = await res.arrayBuffer();
  } catch (err) {
    return { problem: (err as Error).message };
  }
  if ((await sha256Hex(bytes)) !== sha) return { problem: 'its SHA-256 is not the one the manifest names' };
  try {
    const shard: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!isShard(shard)) return { problem: 'is not a catalog shard' };
    return { shard };
  } catch {
    return { problem: 'is not valid JSON' };
  }
}

/**
 * Fills the mirror with the pack's shards. A shard that cannot be read is skipped (the
 * lookup reads it from the pack); a database that cannot store one (a full disk) ends the
 * fill with its error.
 */
export async function fillMirror(options: MirrorFillOptions): Promise<MirrorFillResult> {
  const { mirror, files, baseUrl, signal } = options;
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const shards = shardFilesOf(files);
  const result: MirrorFillResult = { shards: shards.length, copied: 0, skipped: [], deleted: 0, aborted: false };
  result.deleted = await mirror.keepOnly(new Set(shards.map((s) => s.sha)));
  for (const { file, sha } of shards) {
    if (signal.aborted) break;
    if (await mirror.has(sha)) continue;
    await options.whenQuiet?.(signal);
    if (signal.aborted) break;
    const read = await readVerified(fetchImpl, baseUrl + file, sha);
    if (signal.aborted) break;
    if ('problem' in read) {
      result.skipped.push(`${file}: ${read.problem}`);
      continue;
    }
    await mirror.put(sha, read.shard);
    result.copied++;
    await realClock.sleep(options.pauseMs ?? 0, signal);
  }
  result.aborted = signal.aborted;
  return result;
}
