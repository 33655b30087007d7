// Media by file hash, from the manifests' file lists: what is new, gone, replaced
// (same path, other bytes) or only renamed (the same bytes under another path).
import type { MediaDiff, MediaFile } from '../../schema/hub-api/console/pack-diff.ts';
import type { Manifest } from '../../schema/manifest.ts';

const MEDIA = 'media/';

function mediaOf(manifest: Manifest): Map<string, MediaFile> {
  const out = new Map<string, MediaFile>();
  for (const [p, entry] of Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (p.startsWith(MEDIA)) out.set(p, { path: p, sha256: entry.sha256, size: entry.size });
  }
  return out;
}

function capped<T>(items: T[], limit: number): T[] {
  return items.length > limit ? items.slice(0, limit) : items;
}

export function diffMedia(before: Manifest, after: Manifest, limit: number): MediaDiff {
  const a = mediaOf(before);
  const b = mediaOf(after);
  const replaced: MediaDiff['replaced'] = [];
  for (const [p, next] of b) {
    const was = a.get(p);
    if (was && was.sha256 !== next.sha256) replaced.push({ path: p, before: was, after: next });
  }
  let added = [...b.values()].filter((f) => !a.has(f.path));
  let removed = [...a.values()].filter((f) => !b.has(f.path));
  // A file that left one path and arrived at another with the same bytes was renamed.
  const goneByHash = new Map<string, MediaFile[]>();
  for (const f of removed) goneByHash.set(f.sha256, [...(goneByHash.get(f.sha256) ?? []), f]);
  const renamed: MediaDiff['renamed'] = [];
  const renamedFrom = new Set<string>();
  added = added.filter((f) => {
    const from = goneByHash.get(f.sha256)?.shift();
    if (!from) return true;
    renamed.push({ from: from.path, to: f.path, sha256: f.sha256, size: f.size });
    renamedFrom.add(from.path);
    return false;
  });
  removed = removed.filter((f) => !renamedFrom.has(f.path));
  return {
    added: capped(added, limit),
    removed: capped(removed, limit),
    replaced: capped(replaced, limit),
    renamed: capped(renamed, limit),
    counts: { added: added.length, removed: removed.length, replaced: replaced.length, renamed: renamed.length },
  };
}
