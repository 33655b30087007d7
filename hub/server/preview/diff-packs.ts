// The diff of two uploaded packs, read from their checked, unpacked folders. Those
// folders never change (a folder is named by its pack's SHA-256), so the last few
// diffs are kept in memory: the console asks again when the page is opened again.
import { diffPacks, type PackSnapshot } from '../../../content/lib/diff/pack-diff.ts';
import { readPackSnapshot } from '../../../content/lib/diff/pack-snapshot.ts';
import type { PackDiff } from '../../../content/schema/hub-api/console/pack-diff.ts';
import type { PackRecord } from '../../store/queries/packs.ts';
import type { HubContext } from '../hub-context.ts';
import { packFolder, unpackedDir } from '../packs/pack-folder.ts';

const KEPT = 8;
const kept = new Map<string, Promise<PackDiff>>();

function snapshot(hub: HubContext, pack: PackRecord): Promise<PackSnapshot> {
  return readPackSnapshot(unpackedDir(packFolder(hub), pack.sha256));
}

export function diffUploads(hub: HubContext, base: PackRecord, target: PackRecord): Promise<PackDiff> {
  const key = `${hub.options.packDir}:${base.sha256}:${target.sha256}`;
  const known = kept.get(key);
  if (known) return known;
  const made = Promise.all([snapshot(hub, base), snapshot(hub, target)]).then(([a, b]) => diffPacks(a, b));
  kept.set(key, made);
  made.catch(() => kept.delete(key));
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return made;
}
