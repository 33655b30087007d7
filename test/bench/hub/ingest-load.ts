// The ingest benchmark's load: batches of 100 realistic events from many kiosks, gzipped
// ahead of time (as each kiosk compresses its own), posted with a fixed number of uploads
// in flight, and the rate the hub acknowledged them at; or offered at a fixed rate, as a
// fleet sends them. Then the same rows inserted raw, straight into the same database, for
// the ratio.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { planProblem } from '../../../content/schema/events/plan-check.ts';
import { percentile } from '../machine.ts';
import type { SeededKiosk } from './seed-kiosks.ts';

const EVENTS = [
  ['Screen Viewed', { screen: 'home' }],
  ['Session Started', { trigger: 'touch' }],
  ['Barcode Scanned', { source: 'scanner', code_type: 'ean-13', recognised: true, lookup: 'hit', product_id: '06901234567892' }],
  ['Product Viewed', { product_id: '06901234567892', sku: 'FR-APPLE-1', category: 'fruit', name: '阿克苏苹果', price: 12.9, currency: 'CNY', via: 'scan' }],
  [
    'Game Finished',
    { game_id: 'catch', game_kind: 'catch', completed: true, score: 42, duration_ms: 30000, stats: { caught: 21, missed: 4 }, prize_outcome: 'none', prize_reason: 'unlucky', campaign_id: null, prize_seed: '9f1c2a7e-0042', prize_draw: 0.83, prize_odds: { 'juice-10': 0.2 } },
  ],
  ['Gesture Used', { gesture: 'pinch' }],
] as const;
// Events as kiosks send them, within the tracking plan: one outside it costs the hub an
// error report it would rarely make for a fleet.
for (const [event, properties] of EVENTS) {
  const problem = planProblem(event, properties);
  if (problem) throw new Error(`the ingest benchmark's ${event} breaks the tracking plan: ${problem}`);
}

export interface Batch {
  deviceId: string;
  token: string;
  gzipped: Buffer;
  /** The rows a raw insert writes: what the hub stores for these events. */
  rows: { messageId: string; seq: number; event: string; originalAt: number; body: string }[];
}

export interface BatchOptions {
  /** The index of the first batch: batches made in several calls follow on (each kiosk's seq numbers continue). */
  first?: number;
  perBatch?: number;
  /** Keep the rows for a raw insert (default true); the offered runs need only the gzipped bodies. */
  rows?: boolean;
}

/** `count` batches, each from the next kiosk in turn, each kiosk's seq numbers counting on from its last batch. */
export function makeBatches(kiosks: readonly SeededKiosk[], count: number, options: BatchOptions = {}): Batch[] {
  const { first = 0, perBatch = 100, rows: keepRows = true } = options;
  const out: Batch[] = [];
  const t0 = Date.now() - 86_400_000;
  for (let b = first; b < first + count; b++) {
    const kiosk = kiosks[b % kiosks.length]!;
    const rows: Batch['rows'] = [];
    const messages = [];
    for (let i = 0; i < perBatch; i++) {
      const n = Math.floor(b / kiosks.length) * perBatch + i + 1;
      const [event, properties] = EVENTS[n % EVENTS.length]!;
      const originalAt = t0 + b * 1000 + i;
      const message = {
        type: 'track',
        // As a kiosk makes them (create-tracker.ts): a UUIDv7 of the moment the event happened.
        messageId: uuidv7({ msecs: originalAt }),
        anonymousId: `6f0c1a9e-3b7d-4e21-9f55-${String(b).padStart(12, '0')}`,
        event,
        properties,
        originalTimestamp: new Date(originalAt).toISOString(),
        sentAt: new Date().toISOString(),
        context: {
          app: { name: 'Shopfront Kiosk', version: '0.1.0' },
          library: { name: 'shopfront-kiosk-outbox', version: '1' },
          locale: 'zh-CN',
          screen: { width: 1080, height: 1920, density: 1 },
          kiosk: { deviceId: kiosk.deviceId, bootId: 'a82e5c1d-0000-4000-8000-000000000000', storeId: kiosk.storeId, seq: n, monotonicMs: n * 1000, packId: 'spring-2026', packVersion: '1.4.0' },
        },
      };
      messages.push(message);
      if (keepRows) rows.push({ messageId: message.messageId, seq: n, event, originalAt, body: JSON.stringify(message) });
    }
    out.push({ deviceId: kiosk.deviceId, token: kiosk.token, gzipped: gzipSync(JSON.stringify({ batch: messages, sentAt: new Date().toISOString() })), rows });
  }
  return out;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: URL, batch: Batch): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: '/v1/batch', method: 'POST', agent, headers: { authorization: `Bearer ${batch.token}`, 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': batch.gzipped.length } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${body.slice(0, 200)}`));
          const accepted = (JSON.parse(body) as { results: { status: string }[] }).results.filter((r) => r.status === 'accepted').length;
          resolve(accepted);
        });
      },
    );
    req.on('error', reject);
    req.end(batch.gzipped);
  });
}

export interface IngestResult {
  events: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
}

/** Posts every batch with `inFlight` uploads at a time; the rate counts from the first send to the last answer. */
export async function ingest(hubUrl: string, batches: readonly Batch[], inFlight: number): Promise<IngestResult> {
  const url = new URL(hubUrl);
  let next = 0;
  let events = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const t = performance.now();
        const accepted = await post(url, batch);
        events += accepted;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, perSecond: events / seconds, latencies };
}

export interface OfferedResult extends IngestResult {
  /** Uploads answered after more than a second from when they were due. */
  late: number;
  /** The p99 latency of the uploads due in each quarter of the run: rising through it when the hub falls behind. */
  quarterP99: number[];
}

/**
 * Uploads offered at a fixed rate, as a fleet sends them: each kiosk posts when its batch
 * is due, whatever the others are still waiting for. Each upload's latency counts from
 * when it was due, so a hub that cannot keep up shows as latency that grows through the
 * run (and a rate below the one offered), not as a load that politely slows down with it.
 */
export async function offer(hubUrl: string, batches: readonly Batch[], uploadsPerSecond: number): Promise<OfferedResult> {
  const url = new URL(hubUrl);
  let events = 0;
  const latencies: number[] = new Array(batches.length);
  const started = performance.now();
  await Promise.all(
    batches.map(async (batch, i) => {
      const due = started + (i * 1000) / uploadsPerSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const accepted = await post(url, batch);
      events += accepted;
      latencies[i] = performance.now() - due;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const quarter = Math.ceil(batches.length / 4);
  const quarterP99 = [0, 1, 2, 3].map((q) => percentile([...latencies.slice(q * quarter, (q + 1) * quarter)].sort((a, b) => a - b), 99));
  return { events, seconds, perSecond: events / seconds, latencies, late: latencies.filter((l) => l > 1000).length, quarterP99 };
}

/** A table shaped like the hub's events: the same columns, a unique messageId and the same index (arrival time). */
const RAW_TABLE = [
  'CREATE TABLE events_raw (message_id text NOT NULL, device_id text NOT NULL, seq bigint, event text NOT NULL, original_at bigint, received_at bigint NOT NULL, body text NOT NULL)',
  'CREATE UNIQUE INDEX events_raw_message ON events_raw (message_id)',
  'CREATE INDEX events_raw_received ON events_raw (received_at)',
];

/**
 * The same rows inserted straight into the same database, 100 to a transaction, into a
 * table shaped like the hub's: what storing them costs the database itself.
 */
export async function rawInsert(where: { url?: string; dataDir?: string }, batches: readonly Batch[]): Promise<number> {
  const receivedAt = Date.now();
  let events = 0;
  if (where.url) {
    const client = new pg.Client({ connectionString: where.url });
    await client.connect();
    for (const statement of RAW_TABLE) await client.query(statement);
    const t = performance.now();
    for (const batch of batches) {
      const values: unknown[] = [];
      const tuples = batch.rows.map((r, i) => {
        values.push(r.messageId, batch.deviceId, r.seq, r.event, r.originalAt, receivedAt, r.body);
        const o = i * 7;
        return `($${o + 1},$${o + 2},$${o + 3},$${o + 4},$${o + 5},$${o + 6},$${o + 7})`;
      });
      await client.query('BEGIN');
      await client.query(`INSERT INTO events_raw VALUES ${tuples.join(',')}`, values);
      await client.query('COMMIT');
      events += batch.rows.length;
    }
    const seconds = (performance.now() - t) / 1000;
    await client.query('DROP TABLE events_raw');
    await client.end();
    return events / seconds;
  }
  const db = new Database(`${where.dataDir}/hub.sqlite`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const statement of RAW_TABLE) db.exec(statement);
  const insert = db.prepare('INSERT INTO events_raw VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertBatch = db.transaction((batch: Batch) => {
    for (const r of batch.rows) insert.run(r.messageId, batch.deviceId, r.seq, r.event, r.originalAt, receivedAt, r.body);
  });
  const t = performance.now();
  for (const batch of batches) {
    insertBatch(batch);
    events += batch.rows.length;
  }
  const seconds = (performance.now() - t) / 1000;
  db.exec('DROP TABLE events_raw');
  db.close();
  return events / seconds;
}
