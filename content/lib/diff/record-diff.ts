// Records with an id (promotions, games, playlists, categories, campaigns) before and
// after: which were added, which removed, and what changed in the ones that stayed.
import type { RecordDiff, RecordRef } from '../../schema/hub-api/console/pack-diff.ts';
import type { LocalizedText } from '../../schema/localized.ts';
import { fieldChanges } from './field-changes.ts';

interface WithId {
  id: string;
}

/** The name people know a record by: its name, or its title. */
export function nameOf(record: object): LocalizedText | null {
  const r = record as { name?: unknown; title?: unknown };
  const text = (r.name ?? r.title) as LocalizedText | undefined;
  return text && typeof text === 'object' && typeof text['zh-CN'] === 'string' ? text : null;
}

const refOf = (r: WithId): RecordRef => ({ id: r.id, name: nameOf(r) });

/** Pairs records by id, in the order of the newer list (removed ones in the older list's order). */
export function pairById<T extends WithId>(before: readonly T[], after: readonly T[]): { added: T[]; removed: T[]; kept: [T, T][] } {
  const old = new Map(before.map((r) => [r.id, r]));
  const fresh = new Set(after.map((r) => r.id));
  const added: T[] = [];
  const kept: [T, T][] = [];
  for (const r of after) {
    const was = old.get(r.id);
    if (was) kept.push([was, r]);
    else added.push(r);
  }
  return { added, removed: before.filter((r) => !fresh.has(r.id)), kept };
}

export function diffRecords<T extends WithId>(before: readonly T[], after: readonly T[]): RecordDiff {
  const { added, removed, kept } = pairById(before, after);
  const changed = kept.flatMap(([a, b]) => {
    const changes = fieldChanges(a, b, { skip: ['id'] });
    return changes.length ? [{ ...refOf(b), changes }] : [];
  });
  return { added: added.map(refOf), removed: removed.map(refOf), changed };
}
