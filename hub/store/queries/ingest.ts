// Stores one upload of a kiosk in one transaction: each new messageId once, ever (a
// re-send is a duplicate, turned away), the rejected ones with their reason, the seq
// numbers merged into the kiosk's ranges, its reported drops, the count of seq numbers
// still missing, and the hourly rollup the fleet page reads. On PostgreSQL the kiosk's
// row is locked first, so hub processes ingesting the same kiosk's retries take turns.
import { CompiledQuery, type Transaction } from 'kysely';
import { ensureEventPartition } from '../event-partitions.ts';
import type { HubStore } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';
import { rollUp } from './rollups.ts';
import { countRanges, holesIn, mergeRanges, missingSeqs, readSeqRanges, type SeqRange } from '../seq-ranges.ts';

export interface AcceptedMessage {
  messageId: string;
  seq: number | null;
  event: string;
  originalAt: number | null;
  /** The message as received, JSON. */
  json: string;
  properties: Record<string, unknown> | undefined;
  /** The shopper session (or kiosk-<bootId> outside one). */
  anonymousId: string | null;
  /** packId@version on screen, '' when none. */
  pack: string;
  /** What in it breaks the tracking plan; null when nothing. */
  planProblem?: string | null;
}

export interface RejectedMessage {
  messageId: string | null;
  seq: number | null;
  reason: string;
}

export interface IngestBatch {
  /** The kiosk the credential belongs to. */
  deviceId: string;
  receivedAt: number;
  accepted: readonly AcceptedMessage[];
  rejected: readonly RejectedMessage[];
}

export interface IngestOutcome {
  /** The messageIds of `accepted` that were already stored (re-sends). */
  duplicates: Set<string>;
  /** Seq numbers missing for the kiosk after this batch. */
  seqGaps: number;
}

/** Rows per INSERT statement: well under SQLite's 32,766 bound parameters. */
const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function ingestBatch(store: HubStore, batch: IngestBatch): Promise<IngestOutcome> {
  if (store.dialect === 'postgres' && batch.accepted.length > 0) await ensureEventPartition(store, batch.receivedAt);
  return store.db.transaction().execute(async (trx) => {
    const { deviceId, receivedAt } = batch;
    const kiosk = await lockKiosk(store, trx, deviceId);

    const { fresh, stored } = store.dialect === 'postgres' ? await storeViaIds(trx, batch) : await storeUnique(trx, batch);
    for (const part of chunks(batch.rejected)) {
      await trx
        .insertInto('rejected_events')
        .values(part.map((r) => ({ message_id: r.messageId, device_id: deviceId, seq: r.seq, reason: r.reason, received_at: receivedAt })))
        .execute();
    }

    // Seq numbers: what arrived (rejected ones arrived too) and what the kiosk says it dropped.
    const arrived = [...stored.map((m) => m.seq), ...batch.rejected.map((r) => r.seq)].filter((s): s is number => s !== null);
    const drops = stored.filter((m) => m.event === 'Events Dropped').flatMap((m) => readSeqRanges(m.properties?.seq_ranges));
    let seqGaps = kiosk?.seq_gaps ?? 0;
    if (arrived.length > 0 || drops.length > 0) {
      const received = await mergeInto(trx, 'seq_ranges', deviceId, arrived.map((s): SeqRange => [s, s]));
      // The usual case: everything from 1 on arrived, and no drop report is needed to explain a hole.
      const dropped = drops.length > 0 || holesIn(received).length > 0 ? await mergeInto(trx, 'dropped_ranges', deviceId, drops) : [];
      seqGaps = countRanges(missingSeqs(received, dropped));
    }
    if (kiosk) {
      const gapsSince = seqGaps === 0 ? null : (kiosk.gaps_since ?? receivedAt);
      await trx.updateTable('kiosks').set({ last_event_at: receivedAt, seq_gaps: seqGaps, gaps_since: gapsSince }).where('device_id', '=', deviceId).execute();
    }
    await rollUp(
      trx,
      { deviceId, storeId: kiosk?.store_id ?? '' },
      stored.map((m) => ({ event: m.event, anonymousId: m.anonymousId, at: m.originalAt ?? receivedAt, pack: m.pack, properties: m.properties ?? {} })),
    );

    const duplicates = new Set(batch.accepted.filter((m) => !fresh.has(m.messageId)).map((m) => m.messageId));
    return { duplicates, seqGaps };
  });
}

/** The messages of `batch` in order, each messageId once, keeping those `fresh` holds. */
function firstOfEach(batch: IngestBatch, fresh: ReadonlySet<string>): AcceptedMessage[] {
  const seen = new Set<string>();
  return batch.accepted.filter((m) => fresh.has(m.messageId) && !seen.has(m.messageId) && (seen.add(m.messageId), true));
}

/**
 * The hot inserts, written once per row count and dialect instead of built by Kysely for
 * every upload: a fleet sends hundreds of uploads a second, and building a 100-row insert
 * costs more than the database takes to run it.
 */
const EVENT_COLUMNS = ['message_id', 'device_id', 'seq', 'event', 'original_at', 'received_at', 'body', 'plan_problem'] as const;
const insertSql = new Map<string, string>();
function insertText(dialect: HubStore['dialect'], table: 'events' | 'event_ids', columns: readonly string[], rows: number, conflict: boolean): string {
  const key = `${dialect}:${table}:${rows}:${conflict}`;
  let text = insertSql.get(key);
  if (!text) {
    let n = 0;
    const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    const values = Array.from({ length: rows }, tuple).join(', ');
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}${conflict ? ' on conflict ("message_id") do nothing returning "message_id"' : ''}`;
    insertSql.set(key, text);
  }
  return text;
}

async function insertRows(trx: Transaction<HubDatabase>, dialect: HubStore['dialect'], table: 'events' | 'event_ids', columns: readonly string[], rows: readonly unknown[][], conflict: boolean): Promise<string[]> {
  const result = await trx.executeQuery<{ message_id: string }>(CompiledQuery.raw(insertText(dialect, table, columns, rows.length, conflict), rows.flat()));
  return result.rows.map((r) => r.message_id);
}

const eventValues = (deviceId: string, receivedAt: number) => (m: AcceptedMessage) => [m.messageId, deviceId, m.seq, m.event, m.originalAt, receivedAt, m.json, m.planProblem ?? null];

/** SQLite: one row per event, unique by messageId; a re-send inserts nothing. */
async function storeUnique(trx: Transaction<HubDatabase>, batch: IngestBatch) {
  const fresh = new Set<string>();
  for (const part of chunks(batch.accepted)) {
    for (const id of await insertRows(trx, 'sqlite', 'events', EVENT_COLUMNS, part.map(eventValues(batch.deviceId, batch.receivedAt)), true)) fresh.add(id);
  }
  return { fresh, stored: firstOfEach(batch, fresh) };
}

/**
 * PostgreSQL: the messageId claimed in event_ids (events are partitioned, so the unique
 * key lives there) and the event stored, in one statement per chunk.
 */
const pgInsertSql = new Map<number, string>();
function pgInsertText(rows: number): string {
  let text = pgInsertSql.get(rows);
  if (!text) {
    const tuples = Array.from({ length: rows }, (_, i) => {
      const o = i * 8;
      return `($${o + 1}::text, $${o + 2}::text, $${o + 3}::bigint, $${o + 4}::text, $${o + 5}::bigint, $${o + 6}::bigint, $${o + 7}::text, $${o + 8}::text)`;
    });
    text = `with v (message_id, device_id, seq, event, original_at, received_at, body, plan_problem) as (values ${tuples.join(', ')}),
      claimed as (insert into event_ids (message_id, device_id, received_at) select message_id, device_id, received_at from v on conflict (message_id) do nothing returning message_id)
      insert into events (message_id, device_id, seq, event, original_at, received_at, body, plan_problem)
      select distinct on (v.message_id) v.* from v join claimed using (message_id)
      returning message_id`;
    pgInsertSql.set(rows, text);
  }
  return text;
}

async function storeViaIds(trx: Transaction<HubDatabase>, batch: IngestBatch) {
  const fresh = new Set<string>();
  for (const part of chunks(batch.accepted)) {
    const result = await trx.executeQuery<{ message_id: string }>(CompiledQuery.raw(pgInsertText(part.length), part.flatMap(eventValues(batch.deviceId, batch.receivedAt))));
    for (const row of result.rows) fresh.add(row.message_id);
  }
  return { fresh, stored: firstOfEach(batch, fresh) };
}

async function lockKiosk(store: HubStore, trx: Transaction<HubDatabase>, deviceId: string) {
  const query = trx.selectFrom('kiosks').select(['seq_gaps', 'gaps_since', 'store_id']).where('device_id', '=', deviceId);
  return store.dialect === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

/** Merges `add` into the device's ranges in `table`, writing only what changed; returns all of them. */
async function mergeInto(trx: Transaction<HubDatabase>, table: 'seq_ranges' | 'dropped_ranges', deviceId: string, add: readonly SeqRange[]): Promise<SeqRange[]> {
  const rows = await trx.selectFrom(table).select(['from_seq', 'to_seq']).where('device_id', '=', deviceId).orderBy('from_seq').execute();
  const before = new Map(rows.map((r) => [r.from_seq, r.to_seq]));
  const current: SeqRange[] = rows.map((r) => [r.from_seq, r.to_seq]);
  if (add.length === 0) return current;
  const after = mergeRanges([...current, ...add]);
  const starts = new Set(after.map((r) => r[0]));
  const gone = current.filter(([from]) => !starts.has(from)).map(([from]) => from);
  if (gone.length > 0) await trx.deleteFrom(table).where('device_id', '=', deviceId).where('from_seq', 'in', gone).execute();
  const added: SeqRange[] = [];
  for (const [from, to] of after) {
    const had = before.get(from);
    if (had === undefined) added.push([from, to]);
    // A range that grew at its end (the usual upload) is one update.
    else if (had !== to) await trx.updateTable(table).set({ to_seq: to }).where('device_id', '=', deviceId).where('from_seq', '=', from).execute();
  }
  for (const part of chunks(added)) {
    await trx.insertInto(table).values(part.map(([from, to]) => ({ device_id: deviceId, from_seq: from, to_seq: to }))).execute();
  }
  return after;
}
