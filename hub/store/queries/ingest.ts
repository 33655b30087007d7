// Stores kiosk uploads, one or several to a transaction (the hub's group commit gathers
// them): each new messageId once, ever (a re-send is a duplicate, turned away), the
// rejected ones with their reason, the seq numbers merged into each kiosk's ranges, its
// reported drops, the count of seq numbers still missing, and the rollups the dashboards
// read. On PostgreSQL the kiosks' rows are locked first, so hub processes ingesting the
// same kiosk's retries take turns.
import { CompiledQuery, type Transaction } from 'kysely';
import { ensureEventPartition } from '../event-partitions.ts';
import type { HubStore } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';
import { bulkInsertText, runHot } from './hot-sql.ts';
import { messageFacts, type MessageFacts } from './message-facts.ts';
import { rollUp, type RollupGroup } from './rollups.ts';
import { countRanges, holesIn, mergeRanges, missingSeqs, type SeqRange } from '../seq-ranges.ts';

export interface AcceptedMessage {
  messageId: string;
  seq: number | null;
  event: string;
  originalAt: number | null;
  /** The message as received, JSON. */
  json: string;
  /** What storing it needs from its properties, worked out where the upload was read (message-facts.ts). */
  facts?: MessageFacts;
  /** Its properties: read only when `facts` is not given. */
  properties?: Record<string, unknown> | undefined;
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
  /** Seq numbers missing for the kiosk once this batch (and any stored with it) is in. */
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
  const [outcome] = await ingestBatches(store, [batch]);
  return outcome!;
}

/**
 * Stores several uploads (of one kiosk or many) in one transaction, each as if alone and
 * in the order given: a messageId in two of them is stored for the first and a duplicate
 * for the second. One commit for all of them, and their rollups counted together.
 */
export async function ingestBatches(store: HubStore, batches: readonly IngestBatch[]): Promise<IngestOutcome[]> {
  if (batches.length === 0) return [];
  if (store.dialect === 'postgres') {
    for (const at of new Set(batches.filter((b) => b.accepted.length > 0).map((b) => b.receivedAt))) await ensureEventPartition(store, at);
  }
  return store.db.transaction().execute(async (trx) => {
    const kiosks = await lockKiosks(store, trx, batches.map((b) => b.deviceId));
    const devices = new Map<string, DeviceTally>();
    const results: { duplicates: Set<string>; deviceId: string }[] = [];
    const rollups: RollupGroup[] = [];

    for (const batch of batches) {
      const { deviceId, receivedAt } = batch;
      const { fresh, stored } = store.dialect === 'postgres' ? await storeViaIds(trx, batch) : await storeUnique(trx, batch);
      for (const part of chunks(batch.rejected)) {
        await trx
          .insertInto('rejected_events')
          .values(part.map((r) => ({ message_id: r.messageId, device_id: deviceId, seq: r.seq, reason: r.reason, received_at: receivedAt })))
          .execute();
      }
      // Seq numbers: what arrived (rejected ones arrived too) and what the kiosk says it dropped.
      const device = devices.get(deviceId) ?? { arrived: [], drops: [], receivedAt };
      devices.set(deviceId, device);
      const events = stored.map((m) => ({ event: m.event, at: m.originalAt ?? receivedAt, pack: m.pack, facts: m.facts ?? messageFacts(m.event, m.anonymousId, m.properties) }));
      for (const m of stored) if (m.seq !== null) device.arrived.push([m.seq, m.seq]);
      for (const r of batch.rejected) if (r.seq !== null) device.arrived.push([r.seq, r.seq]);
      for (const e of events) if (e.facts.dropped.length > 0) device.drops.push(...e.facts.dropped);
      device.receivedAt = Math.max(device.receivedAt, receivedAt);

      rollups.push({ ctx: { deviceId, storeId: kiosks.get(deviceId)?.store_id ?? '' }, events });
      results.push({ duplicates: new Set(batch.accepted.filter((m) => !fresh.has(m.messageId)).map((m) => m.messageId)), deviceId });
    }

    const gaps = await updateSeqGaps(trx, store.dialect, kiosks, devices);
    await rollUp(trx, store.dialect, rollups, Math.max(...batches.map((b) => b.receivedAt)));
    return results.map(({ duplicates, deviceId }) => ({ duplicates, seqGaps: gaps.get(deviceId) ?? 0 }));
  });
}

/** One kiosk's part of a transaction's uploads. */
interface DeviceTally {
  arrived: SeqRange[];
  drops: SeqRange[];
  receivedAt: number;
}

type LockedKiosk = { seq_gaps: number; gaps_since: number | null; store_id: string };

/**
 * The uploads' kiosks, read (on PostgreSQL locked, in device order, so hub processes
 * ingesting the same kiosks take turns and never deadlock).
 */
async function lockKiosks(store: HubStore, trx: Transaction<HubDatabase>, deviceIds: readonly string[]): Promise<Map<string, LockedKiosk>> {
  const ids = [...new Set(deviceIds)].sort();
  const query = trx.selectFrom('kiosks').select(['device_id', 'seq_gaps', 'gaps_since', 'store_id']).where('device_id', 'in', ids).orderBy('device_id');
  const rows = store.dialect === 'postgres' ? await query.forUpdate().execute() : await query.execute();
  return new Map(rows.map((r) => [r.device_id, r]));
}

/** Merges each kiosk's arrivals and drops into its ranges and stores its count of missing seq numbers; returns the counts. */
async function updateSeqGaps(trx: Transaction<HubDatabase>, dialect: HubStore['dialect'], kiosks: ReadonlyMap<string, LockedKiosk>, devices: ReadonlyMap<string, DeviceTally>): Promise<Map<string, number>> {
  const moved = [...devices].filter(([, d]) => d.arrived.length > 0 || d.drops.length > 0).map(([id]) => id);
  const received = await readRanges(trx, 'seq_ranges', moved);
  const out = new Map<string, number>();
  for (const [deviceId, d] of devices) {
    const kiosk = kiosks.get(deviceId);
    let seqGaps = kiosk?.seq_gaps ?? 0;
    if (d.arrived.length > 0 || d.drops.length > 0) {
      const all = await mergeInto(trx, dialect, 'seq_ranges', deviceId, received.get(deviceId) ?? [], d.arrived);
      // The usual case: everything from 1 on arrived, and no drop report is needed to explain a hole.
      const dropped = d.drops.length > 0 || holesIn(all).length > 0 ? await mergeInto(trx, dialect, 'dropped_ranges', deviceId, (await readRanges(trx, 'dropped_ranges', [deviceId])).get(deviceId) ?? [], d.drops) : [];
      seqGaps = countRanges(missingSeqs(all, dropped));
    }
    out.set(deviceId, seqGaps);
    if (kiosk) {
      const gapsSince = seqGaps === 0 ? null : (kiosk.gaps_since ?? d.receivedAt);
      await runHot(trx, dialect, 'update "kiosks" set "last_event_at" = ?, "seq_gaps" = ?, "gaps_since" = ? where "device_id" = ?', [d.receivedAt, seqGaps, gapsSince, deviceId]);
    }
  }
  return out;
}

/** The messages of `batch` in order, each messageId once, keeping those `fresh` holds. */
function firstOfEach(batch: IngestBatch, fresh: ReadonlySet<string>): AcceptedMessage[] {
  const seen = new Set<string>();
  return batch.accepted.filter((m) => fresh.has(m.messageId) && !seen.has(m.messageId) && (seen.add(m.messageId), true));
}

const EVENT_COLUMNS = ['message_id', 'device_id', 'seq', 'event', 'original_at', 'received_at', 'body', 'plan_problem'] as const;
const UNIQUE_ID = 'on conflict ("message_id") do nothing returning "message_id"';

/** The parameters of an insert of `part`, in EVENT_COLUMNS order, written straight into one array (this runs for every event). */
function eventParams(part: readonly AcceptedMessage[], deviceId: string, receivedAt: number): unknown[] {
  const params = new Array<unknown>(part.length * EVENT_COLUMNS.length);
  let i = 0;
  for (const m of part) {
    params[i++] = m.messageId;
    params[i++] = deviceId;
    params[i++] = m.seq;
    params[i++] = m.event;
    params[i++] = m.originalAt;
    params[i++] = receivedAt;
    params[i++] = m.json;
    params[i++] = m.planProblem ?? null;
  }
  return params;
}

/** SQLite: one row per event, unique by messageId; a re-send inserts nothing. */
async function storeUnique(trx: Transaction<HubDatabase>, batch: IngestBatch) {
  const fresh = new Set<string>();
  for (const part of chunks(batch.accepted)) {
    const text = bulkInsertText('sqlite', 'events', EVENT_COLUMNS, part.length, UNIQUE_ID);
    const result = await trx.executeQuery<{ message_id: string }>(CompiledQuery.raw(text, eventParams(part, batch.deviceId, batch.receivedAt)));
    for (const { message_id } of result.rows) fresh.add(message_id);
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
    const result = await trx.executeQuery<{ message_id: string }>(CompiledQuery.raw(pgInsertText(part.length), eventParams(part, batch.deviceId, batch.receivedAt)));
    for (const row of result.rows) fresh.add(row.message_id);
  }
  return { fresh, stored: firstOfEach(batch, fresh) };
}

/** The kiosks' ranges in `table`, each sorted by `from`. */
async function readRanges(trx: Transaction<HubDatabase>, table: 'seq_ranges' | 'dropped_ranges', deviceIds: readonly string[]): Promise<Map<string, SeqRange[]>> {
  const out = new Map<string, SeqRange[]>();
  for (const part of chunks(deviceIds)) {
    const rows = await trx.selectFrom(table).select(['device_id', 'from_seq', 'to_seq']).where('device_id', 'in', part).orderBy('device_id').orderBy('from_seq').execute();
    for (const r of rows) out.set(r.device_id, [...(out.get(r.device_id) ?? []), [r.from_seq, r.to_seq]]);
  }
  return out;
}

/** Merges `add` into the device's `current` ranges in `table`, writing only what changed; returns all of them. */
async function mergeInto(trx: Transaction<HubDatabase>, dialect: HubStore['dialect'], table: 'seq_ranges' | 'dropped_ranges', deviceId: string, current: readonly SeqRange[], add: readonly SeqRange[]): Promise<SeqRange[]> {
  if (add.length === 0) return [...current];
  const before = new Map(current.map(([from, to]) => [from, to]));
  const after = mergeRanges([...current, ...add]);
  const starts = new Set(after.map((r) => r[0]));
  const gone = current.filter(([from]) => !starts.has(from)).map(([from]) => from);
  if (gone.length > 0) await trx.deleteFrom(table).where('device_id', '=', deviceId).where('from_seq', 'in', gone).execute();
  const added: SeqRange[] = [];
  for (const [from, to] of after) {
    const had = before.get(from);
    if (had === undefined) added.push([from, to]);
    // A range that grew at its end (the usual upload) is one update.
    else if (had !== to) await runHot(trx, dialect, `update "${table}" set "to_seq" = ? where "device_id" = ? and "from_seq" = ?`, [to, deviceId, from]);
  }
  for (const part of chunks(added)) {
    await trx.insertInto(table).values(part.map(([from, to]) => ({ device_id: deviceId, from_seq: from, to_seq: to }))).execute();
  }
  return after;
}
