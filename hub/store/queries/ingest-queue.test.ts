import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database.ts';
import type { AcceptedMessage, IngestBatch } from './ingest.ts';
import { createIngestQueue } from './ingest-queue.ts';
import { enrolKiosk, listKiosks } from './kiosks.ts';

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);
const DEVICES = ['device-a', 'device-b', 'device-c'];

function message(deviceId: string, seq: number, event = 'Screen Viewed', properties: Record<string, unknown> = { screen: 'home' }): AcceptedMessage {
  const messageId = `m-${deviceId}-${seq}`;
  const anonymousId = `session-${deviceId}`;
  const body = { type: 'track', messageId, anonymousId, event, properties, context: { kiosk: { deviceId, seq } } };
  return { messageId, seq, event, originalAt: T0 + seq * 1000, json: JSON.stringify(body), properties, anonymousId, pack: 'spring@1.0.0' };
}

const upload = (deviceId: string, seqs: number[], at = T0 + 60_000): IngestBatch => ({ deviceId, receivedAt: at, accepted: seqs.map((s) => message(deviceId, s)), rejected: [] });

describeEachDatabase('uploads stored with group commit', (fixture) => {
  async function enrolled() {
    const store = await fixture.open();
    for (const [i, deviceId] of DEVICES.entries()) {
      await enrolKiosk(store, { deviceId, storeId: 'sh-001', name: `Window ${i + 1}`, tokenId: `t${i}`, tokenHash: `h${i}`, appVersion: '0.1.0', platform: 'linux', couponKey: null, now: T0 });
    }
    return store;
  }

  it('answers each of many uploads sent at once as if alone: re-sends are duplicates, even within one transaction', async () => {
    const store = await enrolled();
    const queue = createIngestQueue(store, { parallel: 1, maxEvents: 1_000 });
    // Sent together: the first is written at once, the rest wait and go in together.
    const uploads = [upload('device-a', [1, 2]), upload('device-b', [1, 2, 3]), upload('device-a', [2, 3]), upload('device-c', [1]), upload('device-b', [3, 4])];
    const outcomes = await Promise.all(uploads.map((u) => queue.ingest(u)));
    expect(outcomes.map((o) => [...o.duplicates])).toEqual([[], [], ['m-device-a-2'], [], ['m-device-b-3']]);
    expect(outcomes.map((o) => o.seqGaps)).toEqual([0, 0, 0, 0, 0]);
    expect(queue.pending()).toBe(0);

    const stored = await store.db.selectFrom('events').select(['device_id', 'seq']).orderBy('device_id').orderBy('seq').execute();
    expect(stored.map((r) => `${r.device_id}#${r.seq}`)).toEqual(['device-a#1', 'device-a#2', 'device-a#3', 'device-b#1', 'device-b#2', 'device-b#3', 'device-b#4', 'device-c#1']);
    // The fleet page's hourly counts add up per kiosk, each event once.
    const hourly = await store.db.selectFrom('event_hourly').select(['device_id', 'count']).where('event', '=', 'Screen Viewed').orderBy('device_id').execute();
    expect(hourly).toEqual([
      { device_id: 'device-a', count: 3 },
      { device_id: 'device-b', count: 4 },
      { device_id: 'device-c', count: 1 },
    ]);
    // One session per kiosk in the funnel, however many uploads carried it.
    const funnel = await store.db.selectFrom('funnel_hourly').select(['device_id', 'sessions', 'home']).orderBy('device_id').execute();
    expect(funnel).toEqual(DEVICES.map((device_id) => ({ device_id, sessions: 1, home: 1 })));
  });

  it('keeps each kiosk its own seq gaps when their uploads share a transaction', async () => {
    const store = await enrolled();
    const queue = createIngestQueue(store, { parallel: 1, maxEvents: 1_000 });
    await Promise.all([queue.ingest(upload('device-a', [1])), queue.ingest(upload('device-a', [2, 5])), queue.ingest(upload('device-b', [1, 2, 3])), queue.ingest(upload('device-c', [4]))]);
    const gaps = Object.fromEntries((await listKiosks(store, { storeIds: null })).map((k) => [k.deviceId, k.seqGaps]));
    expect(gaps).toEqual({ 'device-a': 2, 'device-b': 0, 'device-c': 3 });
  });

  it('closes the seq gaps of several kiosks whose uploads share a transaction, merging their ranges', async () => {
    const store = await enrolled();
    const alone = createIngestQueue(store, { parallel: 1, maxEvents: 1_000 });
    await alone.ingest(upload('device-a', [1, 3]));
    await alone.ingest(upload('device-b', [1, 4, 6]));
    await alone.ingest(upload('device-c', [2]));
    const queue = createIngestQueue(store, { parallel: 1, maxEvents: 1_000 });
    // Together: a's hole closes (two ranges become one), b's closes one of two, c's first event arrives late.
    const outcomes = await Promise.all([queue.ingest(upload('device-a', [2])), queue.ingest(upload('device-b', [2, 3, 5])), queue.ingest(upload('device-c', [1, 3]))]);
    expect(outcomes.map((o) => o.seqGaps)).toEqual([0, 0, 0]);
    const ranges = await store.db.selectFrom('seq_ranges').select(['device_id', 'from_seq', 'to_seq']).orderBy('device_id').orderBy('from_seq').execute();
    expect(ranges.map((r) => `${r.device_id} ${r.from_seq}-${r.to_seq}`)).toEqual(['device-a 1-3', 'device-b 1-6', 'device-c 1-3']);
    const gaps = Object.fromEntries((await listKiosks(store, { storeIds: null })).map((k) => [k.deviceId, k.seqGaps]));
    expect(gaps).toEqual({ 'device-a': 0, 'device-b': 0, 'device-c': 0 });
  });

  it('an upload the database refuses fails alone; the ones that shared its transaction are stored', async () => {
    const store = await enrolled();
    const queue = createIngestQueue(store, { parallel: 1, maxEvents: 1_000 });
    // A rejected event without a reason breaks a NOT NULL column: the whole shared transaction fails.
    const poisoned: IngestBatch = { ...upload('device-b', [1]), rejected: [{ messageId: 'x', seq: 2, reason: null as unknown as string }] };
    const results = await Promise.allSettled([queue.ingest(upload('device-a', [1])), queue.ingest(upload('device-a', [2])), queue.ingest(poisoned), queue.ingest(upload('device-c', [1]))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await store.db.selectFrom('events').select(['device_id', 'seq']).orderBy('device_id').orderBy('seq').execute();
    expect(stored.map((r) => `${r.device_id}#${r.seq}`)).toEqual(['device-a#1', 'device-a#2', 'device-c#1']);
    // Nothing of the refused upload is half-stored: its kiosk sends it again later.
    const hourly = await store.db.selectFrom('event_hourly').select(['device_id']).where('device_id', '=', 'device-b').execute();
    expect(hourly).toEqual([]);
    const again = await queue.ingest(upload('device-b', [1]));
    expect(again.duplicates.size).toBe(0);
  });

  it('stores an upload larger than a transaction\'s event bound, alone', async () => {
    const store = await enrolled();
    const queue = createIngestQueue(store, { parallel: 1, maxEvents: 3 });
    const outcomes = await Promise.all([upload('device-a', [1]), upload('device-a', [2, 3]), upload('device-b', [1, 2]), upload('device-c', [1, 2, 3, 4])].map((u) => queue.ingest(u)));
    expect(outcomes.every((o) => o.duplicates.size === 0)).toBe(true);
    const { n } = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(9);
  });
});
