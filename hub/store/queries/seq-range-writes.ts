// Each kiosk's seq ranges (seq_ranges: what arrived; dropped_ranges: what it said it
// dropped) and its kiosks row, kept up at ingest. The changes are worked out for every
// kiosk of a transaction first and written together with its other writes: on PostgreSQL
// one write per kind of change whatever the number of kiosks (a busy hub's transaction
// holds uploads from many kiosks); on SQLite, which has no round trips, row by row.
import { CompiledQuery, type Transaction } from 'kysely';
import type { Dialect } from '../open-store.ts';
import { preparedStatement } from '../pg-prepared.ts';
import type { HubDatabase } from '../schema.ts';
import { mergeRanges, type SeqRange } from '../seq-ranges.ts';
import type { DeferredWrites } from './deferred-writes.ts';

export type RangeTable = 'seq_ranges' | 'dropped_ranges';

/** The rows to change in one range table, for any number of kiosks. */
export interface RangeChanges {
  /** [deviceId, from]: ranges merged into another. */
  gone: [string, number][];
  /** [deviceId, from, to]: ranges that grew at their end (the usual upload). */
  grown: [string, number, number][];
  /** [deviceId, from, to]: new ranges. */
  added: [string, number, number][];
}

export const noRangeChanges = (): RangeChanges => ({ gone: [], grown: [], added: [] });

/** Merges `add` into a kiosk's `current` ranges, noting in `changes` only what changed; returns all of them. */
export function mergeRangeChanges(changes: RangeChanges, deviceId: string, current: readonly SeqRange[], add: readonly SeqRange[]): SeqRange[] {
  if (add.length === 0) return [...current];
  const before = new Map(current.map(([from, to]) => [from, to]));
  const after = mergeRanges([...current, ...add]);
  const starts = new Set(after.map((r) => r[0]));
  for (const [from] of current) if (!starts.has(from)) changes.gone.push([deviceId, from]);
  for (const [from, to] of after) {
    const had = before.get(from);
    if (had === undefined) changes.added.push([deviceId, from, to]);
    else if (had !== to) changes.grown.push([deviceId, from, to]);
  }
  return after;
}

/** Column arrays of `rows`, one array per field: PostgreSQL takes them through unnest. */
function columnsOf(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((row, i) => row.forEach((value, c) => (out[c]![i] = value)));
  return out;
}

// Only the read runs on its own and is prepared; the writes go inside the transaction's
// one combined write (deferred-writes.ts), whose text changes with what it holds.
const pgRangeSql = (table: RangeTable) => ({
  read: preparedStatement(`select device_id, from_seq, to_seq from "${table}" where device_id = any($1::text[]) order by device_id, from_seq`),
  gone: `delete from "${table}" t using unnest($1::text[], $2::bigint[]) as v (device_id, from_seq) where t.device_id = v.device_id and t.from_seq = v.from_seq`,
  grown: `update "${table}" t set to_seq = v.to_seq from unnest($1::text[], $2::bigint[], $3::bigint[]) as v (device_id, from_seq, to_seq) where t.device_id = v.device_id and t.from_seq = v.from_seq`,
  added: `insert into "${table}" (device_id, from_seq, to_seq) select * from unnest($1::text[], $2::bigint[], $3::bigint[])`,
});
const PG_RANGES = { seq_ranges: pgRangeSql('seq_ranges'), dropped_ranges: pgRangeSql('dropped_ranges') };

/** The kiosks' ranges in `table`, each sorted by `from`. */
export async function readRanges(trx: Transaction<HubDatabase>, dialect: Dialect, table: RangeTable, deviceIds: readonly string[]): Promise<Map<string, SeqRange[]>> {
  const out = new Map<string, SeqRange[]>();
  if (deviceIds.length === 0) return out;
  const rows =
    dialect === 'postgres'
      ? (await trx.executeQuery<{ device_id: string; from_seq: number; to_seq: number }>(CompiledQuery.raw(PG_RANGES[table].read, [deviceIds]))).rows
      : await trx.selectFrom(table).select(['device_id', 'from_seq', 'to_seq']).where('device_id', 'in', deviceIds).orderBy('device_id').orderBy('from_seq').execute();
  for (const r of rows) {
    const ranges = out.get(r.device_id);
    if (ranges) ranges.push([Number(r.from_seq), Number(r.to_seq)]);
    else out.set(r.device_id, [[Number(r.from_seq), Number(r.to_seq)]]);
  }
  return out;
}

/** Writes `changes` to `table` with the transaction's other writes: ranges merged away, the grown and the new (their keys never overlap). */
export async function writeRangeChanges(writes: DeferredWrites, table: RangeTable, changes: RangeChanges): Promise<void> {
  if (writes.dialect === 'postgres') {
    const sql = PG_RANGES[table];
    for (const kind of ['gone', 'grown', 'added'] as const) {
      const rows = changes[kind];
      if (rows.length > 0) await writes.add(sql[kind], columnsOf(rows, kind === 'gone' ? 2 : 3));
    }
    return;
  }
  for (const [deviceId, from] of changes.gone) await writes.add(`delete from "${table}" where "device_id" = ? and "from_seq" = ?`, [deviceId, from]);
  for (const [deviceId, from, to] of changes.grown) await writes.add(`update "${table}" set "to_seq" = ? where "device_id" = ? and "from_seq" = ?`, [to, deviceId, from]);
  for (const [deviceId, from, to] of changes.added) await writes.add(`insert into "${table}" ("device_id", "from_seq", "to_seq") values (?, ?, ?)`, [deviceId, from, to]);
}

/** What ingest keeps on a kiosk's row: when its last upload came, and its seq numbers still missing. */
export interface KioskTally {
  deviceId: string;
  lastEventAt: number;
  seqGaps: number;
  gapsSince: number | null;
}

const PG_KIOSKS = `update kiosks k set last_event_at = v.last_event_at, seq_gaps = v.seq_gaps, gaps_since = v.gaps_since
   from unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[]) as v (device_id, last_event_at, seq_gaps, gaps_since) where k.device_id = v.device_id`;

export async function writeKioskTallies(writes: DeferredWrites, tallies: readonly KioskTally[]): Promise<void> {
  if (tallies.length === 0) return;
  if (writes.dialect === 'postgres') {
    await writes.add(PG_KIOSKS, columnsOf(tallies.map((t) => [t.deviceId, t.lastEventAt, t.seqGaps, t.gapsSince]), 4));
    return;
  }
  for (const t of tallies) {
    await writes.add('update "kiosks" set "last_event_at" = ?, "seq_gaps" = ?, "gaps_since" = ? where "device_id" = ?', [t.lastEventAt, t.seqGaps, t.gapsSince, t.deviceId]);
  }
}
