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
import { preparedStatement } from '../pg-prepared.ts';
import { deferredWrites, type DeferredWrites } from './deferred-writes.ts';
import { bulkInsertText } from './hot-sql.ts';
import { messageFacts, type MessageFacts } from './message-facts.ts';
import { rollUp, type RollupGroup, type StoredSession } from './rollups.ts';
import { countRanges, holesIn, missingSeqs, type SeqRange } from '../seq-ranges.ts';
import { mergeRangeChanges, noRangeChanges, readRanges, writeKioskTallies, writeRangeChanges, type KioskTally } from './seq-range-writes.ts';

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
    const writes = deferredWrites(trx, store.dialect);
    const kiosks = await lockKiosks(store, trx, batches.map((b) => b.deviceId));
    const devices = new Map<string, DeviceTally>();
    const results: { duplicates: Set<string>; deviceId: string }[] = [];
    const rollups: RollupGroup[] = [];

    const viaIds = store.dialect === 'postgres' ? await storeViaIds(trx, batches) : null;
    for (const [index, batch] of batches.entries()) {
      const { deviceId, receivedAt } = batch;
      const { fresh, stored } = viaIds ? viaIds.stored[index]! : await storeUnique(trx, batch);
      for (const part of chunks(batch.rejected)) {
        await writes.addQuery(trx.insertInto('rejected_events').values(part.map((r) => ({ message_id: r.messageId, device_id: deviceId, seq: r.seq, reason: r.reason, received_at: receivedAt }))));
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

    const gaps = await updateSeqGaps(writes, kiosks, devices, viaIds?.readAhead?.ranges);
    await rollUp(writes, rollups, Math.max(...batches.map((b) => b.receivedAt)), viaIds?.readAhead?.sessions);
    await writes.flush();
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

const PG_LOCK_KIOSKS = preparedStatement('select device_id, seq_gaps, gaps_since, store_id from kiosks where device_id = any($1::text[]) order by device_id for update');

/**
 * The uploads' kiosks, read (on PostgreSQL locked, in device order, so hub processes
 * ingesting the same kiosks take turns and never deadlock).
 */
async function lockKiosks(store: HubStore, trx: Transaction<HubDatabase>, deviceIds: readonly string[]): Promise<Map<string, LockedKiosk>> {
  const ids = [...new Set(deviceIds)].sort();
  const rows =
    store.dialect === 'postgres'
      ? (await trx.executeQuery<LockedKiosk & { device_id: string }>(CompiledQuery.raw(PG_LOCK_KIOSKS, [ids]))).rows
      : await trx.selectFrom('kiosks').select(['device_id', 'seq_gaps', 'gaps_since', 'store_id']).where('device_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.device_id, r]));
}

/**
 * Merges each kiosk's arrivals and drops into its ranges and stores its count of missing
 * seq numbers; returns the counts. `ranges`, when given, holds every kiosk's seq ranges
 * (read with the event insert on PostgreSQL); otherwise they are read.
 */
async function updateSeqGaps(writes: DeferredWrites, kiosks: ReadonlyMap<string, LockedKiosk>, devices: ReadonlyMap<string, DeviceTally>, ranges?: ReadonlyMap<string, SeqRange[]>): Promise<Map<string, number>> {
  const { trx, dialect } = writes;
  const moved = [...devices].filter(([, d]) => d.arrived.length > 0 || d.drops.length > 0).map(([id]) => id);
  const received = ranges ?? (await readRanges(trx, dialect, 'seq_ranges', moved));
  const arrivals = noRangeChanges();
  const drops = noRangeChanges();
  const tallies: KioskTally[] = [];
  const out = new Map<string, number>();
  for (const [deviceId, d] of devices) {
    const kiosk = kiosks.get(deviceId);
    let seqGaps = kiosk?.seq_gaps ?? 0;
    if (d.arrived.length > 0 || d.drops.length > 0) {
      const all = mergeRangeChanges(arrivals, deviceId, received.get(deviceId) ?? [], d.arrived);
      // The usual case: everything from 1 on arrived, and no drop report is needed to explain a hole.
      const dropped = d.drops.length > 0 || holesIn(all).length > 0 ? mergeRangeChanges(drops, deviceId, (await readRanges(trx, dialect, 'dropped_ranges', [deviceId])).get(deviceId) ?? [], d.drops) : [];
      seqGaps = countRanges(missingSeqs(all, dropped));
    }
    out.set(deviceId, seqGaps);
    if (kiosk) tallies.push({ deviceId, lastEventAt: d.receivedAt, seqGaps, gapsSince: seqGaps === 0 ? null : (kiosk.gaps_since ?? d.receivedAt) });
  }
  await writeRangeChanges(writes, 'seq_ranges', arrivals);
  await writeRangeChanges(writes, 'dropped_ranges', drops);
  await writeKioskTallies(writes, tallies);
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
 * PostgreSQL: every upload of the transaction in one statement, prepared once per
 * connection (its text never changes: the rows go as one array per column). Each
 * messageId is claimed in event_ids (events are partitioned, so the unique key lives
 * there) and the event stored in the same statement. A messageId in two of the uploads
 * is sent once, for the first. The bodies go as one text split on the record separator,
 * which JSON text never holds raw: escaping each body as an array element, and measuring
 * the escaped text, took about a sixth of the hub's main thread in the benchmark.
 *
 * The same statement reads what the rest of the transaction needs — the kiosks' seq
 * ranges and the stored state of the uploads' shopper sessions — in its one round trip
 * (each statement of a transaction waits on the one before: a network round trip where
 * PostgreSQL is on another host, with the kiosks' rows locked all the while). The kiosks
 * are locked by then, so what it reads is theirs alone until the commit. Rows come back
 * tagged: 0 a messageId stored before (a re-send: rare, so the answer is small), 1 a seq
 * range, 2 a session.
 */
const SEPARATOR = '\x1e';
const RECORD_SEPARATOR = 0x1e;
const PG_INSERT = preparedStatement(`with v as (
    select * from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], string_to_array($7::text, chr(30)), $8::text[])
      as v (message_id, device_id, seq, event, original_at, received_at, body, plan_problem)),
  claimed as (insert into event_ids (message_id, device_id, received_at) select message_id, device_id, received_at from v on conflict (message_id) do nothing returning message_id),
  stored as (insert into events (message_id, device_id, seq, event, original_at, received_at, body, plan_problem)
    select v.* from v join claimed using (message_id))
  select 0 as kind, message_id as id, null::text as pack, null::bigint as a, null::bigint as b, null::bigint as c, null::bigint as d
    from v where not exists (select from claimed where claimed.message_id = v.message_id)
  union all select 1, device_id, null, from_seq, to_seq, null, null from seq_ranges where device_id = any($9::text[])
  union all select 2, anonymous_id, pack, hour, started_at, steps, duration_ms from shopper_sessions where anonymous_id = any($10::text[])`);
type InsertRow = { kind: 0 | 1 | 2; id: string; pack: string | null; a: number | null; b: number | null; c: number | null; d: number | null };
/** Events per statement: a transaction holds up to a few thousand. */
const PG_ROWS = 2_000;

/**
 * The bodies as one UTF-8 text, separated: written straight into a buffer (sent as the
 * text's bytes), because joining them into one string costs more once it passes 128 KB.
 */
function joinedUtf8(bodies: readonly string[]): Buffer {
  let size = bodies.length - 1;
  for (const body of bodies) size += Buffer.byteLength(body);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const [i, body] of bodies.entries()) {
    if (i > 0) out[at++] = RECORD_SEPARATOR;
    at += out.write(body, at);
  }
  return out;
}

/** What the event insert read besides: every kiosk's seq ranges and every stored session of the transaction's uploads. */
interface ReadAhead {
  ranges: Map<string, SeqRange[]>;
  sessions: Map<string, StoredSession>;
}

async function storeViaIds(trx: Transaction<HubDatabase>, batches: readonly IngestBatch[]): Promise<{ stored: { fresh: Set<string>; stored: AcceptedMessage[] }[]; readAhead: ReadAhead | null }> {
  // Read along with the first statement: all the kiosks, and every session any message names.
  const toRead = [[...new Set(batches.map((b) => b.deviceId))], sessionsOf(batches)];
  const readAhead: ReadAhead = { ranges: new Map(), sessions: new Map() };
  let readDone = false;
  /** Which upload sends each messageId: the first that holds it. */
  const owner = new Map<string, number>();
  const columns: unknown[][] = Array.from({ length: EVENT_COLUMNS.length }, () => []);
  const [ids, devices, seqs, events, originals, receipts, bodies, problems] = columns as [unknown[], unknown[], unknown[], unknown[], unknown[], unknown[], unknown[], unknown[]];
  /** MessageIds sent that were stored before. */
  const storedBefore = new Set<string>();
  const flush = async () => {
    if (ids.length === 0) return;
    const params: unknown[] = columns.map((c) => c.splice(0));
    params[6] = joinedUtf8(params[6] as string[]);
    params.push(...(readDone ? [[], []] : toRead));
    readDone = true;
    const result = await trx.executeQuery<InsertRow>(CompiledQuery.raw(PG_INSERT, params));
    for (const row of result.rows) {
      if (row.kind === 0) {
        storedBefore.add(row.id);
      } else if (row.kind === 1) {
        const ranges = readAhead.ranges.get(row.id);
        if (ranges) ranges.push([row.a!, row.b!]);
        else readAhead.ranges.set(row.id, [[row.a!, row.b!]]);
      } else {
        readAhead.sessions.set(row.id, { pack: row.pack!, hour: row.a!, startedAt: row.b!, steps: row.c!, durationMs: row.d });
      }
    }
  };
  for (const [index, batch] of batches.entries()) {
    for (const m of batch.accepted) {
      if (owner.has(m.messageId)) continue;
      owner.set(m.messageId, index);
      ids.push(m.messageId);
      devices.push(batch.deviceId);
      seqs.push(m.seq);
      events.push(m.event);
      originals.push(m.originalAt);
      receipts.push(batch.receivedAt);
      if (m.json.includes(SEPARATOR)) throw new Error(`message ${m.messageId} is not JSON text as JSON.stringify writes it`);
      bodies.push(m.json);
      problems.push(m.planProblem ?? null);
      if (ids.length >= PG_ROWS) await flush();
    }
  }
  await flush();
  const stored = batches.map((batch, index) => {
    const fresh = new Set<string>();
    for (const m of batch.accepted) if (owner.get(m.messageId) === index && !storedBefore.has(m.messageId)) fresh.add(m.messageId);
    return { fresh, stored: firstOfEach(batch, fresh) };
  });
  // Nothing to insert (every message rejected): nothing was read either.
  return { stored, readAhead: readDone ? readAhead : null };
}

/** The shopper sessions the uploads' messages belong to, each once. */
function sessionsOf(batches: readonly IngestBatch[]): string[] {
  const out = new Set<string>();
  for (const batch of batches) {
    for (const m of batch.accepted) {
      const { session } = m.facts ?? messageFacts(m.event, m.anonymousId, m.properties);
      if (session) out.add(session);
    }
  }
  return [...out];
}
