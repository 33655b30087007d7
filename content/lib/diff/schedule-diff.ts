// The schedule before and after: the default playlist and games, and the dayparts —
// matched by name, or by their days and hours when they have none.
import type { DaypartRow, ScheduleDiff } from '../../schema/hub-api/console/pack-diff.ts';
import type { Daypart, Schedule } from '../../schema/schedule.ts';
import { fieldChanges, sameValue } from './field-changes.ts';

export function daypartKey(d: Daypart): string {
  return d.name?.trim() || `${d.days.join(',')} ${d.from}–${d.to}`;
}

export function daypartRow(d: Daypart): DaypartRow {
  return { key: daypartKey(d), name: d.name ?? null, days: [...d.days], from: d.from, to: d.to, playlist: d.playlist, games: [...d.games] };
}

export function diffSchedule(before: Schedule, after: Schedule): ScheduleDiff {
  const old = new Map(before.dayparts.map((d) => [daypartKey(d), d]));
  const fresh = new Map(after.dayparts.map((d) => [daypartKey(d), d]));
  const added: DaypartRow[] = [];
  const changed: ScheduleDiff['dayparts']['changed'] = [];
  for (const [key, d] of fresh) {
    const was = old.get(key);
    if (!was) added.push(daypartRow(d));
    else if (!sameValue(was, d)) changed.push({ key, changes: fieldChanges(was, d) });
  }
  const removed = [...old].filter(([key]) => !fresh.has(key)).map(([, d]) => daypartRow(d));
  return { default: fieldChanges(before.default, after.default), dayparts: { added, removed, changed } };
}
