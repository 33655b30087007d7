import { expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { describeEachDatabase } from '../testing/each-database.ts';
import { ingestBatch, type AcceptedMessage } from './ingest.ts';
import { enrolKiosk, listKiosks } from './kiosks.ts';

const DEVICE = 'device-0001';
const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

function message(seq: number, event = 'Screen Viewed', properties?: Record<string, unknown>): AcceptedMessage {
  const messageId = `m-${DEVICE}-${seq}`;
  const body = { type: 'track', messageId, anonymousId: 'a', event, properties, context: { kiosk: { deviceId: DEVICE, seq } } };
  return { messageId, seq, event, originalAt: T0 + seq * 1000, json: JSON.stringify(body), properties, anonymousId: 'a', pack: 'spring@1.0.0' };
}

const enrol = (store: Parameters<typeof enrolKiosk>[0]) =>
  enrolKiosk(store, { deviceId: DEVICE, storeId: 'sh-001', name: 'Window 1', tokenId: 'tid', tokenHash: 'h', appVersion: '0.1.0', platform: 'linux', couponKey: null, now: T0 });

describeEachDatabase('ingest', (fixture, kind) => {
  it('stores each messageId once, ever, and says which were re-sends', async () => {
    const store = await fixture.open();
    await enrol(store);
    const first = await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0, accepted: [message(1), message(2)], rejected: [] });
    expect([...first.duplicates]).toEqual([]);
    const again = await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 5000, accepted: [message(2), message(3), message(3)], rejected: [] });
    expect([...again.duplicates]).toEqual([`m-${DEVICE}-2`]);
    const rows = await store.db.selectFrom('events').select(['seq', 'event']).orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('counts seq numbers still missing, leaving out what the kiosk reported dropped and what was rejected', async () => {
    const store = await fixture.open();
    await enrol(store);
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0, accepted: [message(1), message(2), message(6), message(9)], rejected: [] });
    let [kiosk] = await listKiosks(store, { storeIds: null });
    expect(kiosk).toMatchObject({ seqGaps: 5, gapsSince: T0 }); // 3, 4, 5, 7, 8
    await ingestBatch(store, {
      deviceId: DEVICE,
      receivedAt: T0 + 60_000,
      accepted: [message(10, 'Events Dropped', { reason: 'budget', count: 3, seq_ranges: [[3, 5]] })],
      rejected: [{ messageId: `m-${DEVICE}-7`, seq: 7, reason: 'properties: too large' }],
    });
    [kiosk] = await listKiosks(store, { storeIds: null });
    expect(kiosk).toMatchObject({ seqGaps: 1, gapsSince: T0 }); // 8 is on its way
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 120_000, accepted: [message(8)], rejected: [] });
    [kiosk] = await listKiosks(store, { storeIds: null });
    expect(kiosk).toMatchObject({ seqGaps: 0, gapsSince: null, lastEventAt: T0 + 120_000 });
    const rejected = await store.db.selectFrom('rejected_events').selectAll().execute();
    expect(rejected).toMatchObject([{ seq: 7, reason: 'properties: too large', device_id: DEVICE }]);
    const ranges = await store.db.selectFrom('seq_ranges').select(['from_seq', 'to_seq']).where('device_id', '=', DEVICE).execute();
    expect(ranges).toEqual([{ from_seq: 1, to_seq: 2 }, { from_seq: 6, to_seq: 10 }]);
  });

  it('keeps the events of each hour by kind, for the dashboards', async () => {
    const store = await fixture.open();
    await enrol(store);
    const batch = [message(1, 'Session Started', { trigger: 'touch' }), message(2), message(3600, 'Session Started', { trigger: 'scan' }), message(3601, 'Session Started', { trigger: 'touch' })];
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 4_000_000, accepted: batch, rejected: [] });
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 4_000_000, accepted: batch, rejected: [] });
    const hours = await store.db.selectFrom('event_hourly').select(['hour', 'event', 'variant', 'count', 'store_id', 'pack']).orderBy('hour').orderBy('event').orderBy('variant').execute();
    expect(hours).toEqual([
      { hour: T0, event: 'Screen Viewed', variant: '', count: 1, store_id: 'sh-001', pack: 'spring@1.0.0' },
      { hour: T0, event: 'Session Started', variant: 'touch', count: 1, store_id: 'sh-001', pack: 'spring@1.0.0' },
      { hour: T0 + 3_600_000, event: 'Session Started', variant: 'scan', count: 1, store_id: 'sh-001', pack: 'spring@1.0.0' },
      { hour: T0 + 3_600_000, event: 'Session Started', variant: 'touch', count: 1, store_id: 'sh-001', pack: 'spring@1.0.0' },
    ]);
  });

  // SQLite is one hub process (its uploads take turns on one connection); PostgreSQL serves several.
  it(`takes the same batches from ${kind === 'postgres' ? 'two hub processes' : 'two uploads'} at once and stores every event exactly once`, async () => {
    const store = await fixture.open();
    await enrol(store);
    const other = kind === 'postgres' ? await openStore({ ...fixture.reopenOptions(), migrate: false }) : store;
    try {
      const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 25 }, (_, i) => message(b * 25 + i + 1)));
      const send = (s: typeof store, order: number[]) =>
        (async () => {
          const outcomes = [];
          for (const b of order) outcomes.push(await ingestBatch(s, { deviceId: DEVICE, receivedAt: T0 + b, accepted: batches[b]!, rejected: [] }));
          return outcomes;
        })();
      const forward = batches.map((_, i) => i);
      const [a, b] = await Promise.all([send(store, forward), send(other, [...forward].reverse())]);
      const stored = await store.db.selectFrom('events').select(['seq']).orderBy('seq').execute();
      expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      // Each event was new to exactly one of the two.
      const duplicates = [...a, ...b].reduce((n, o) => n + o.duplicates.size, 0);
      expect(duplicates).toBe(500);
      const [kiosk] = await listKiosks(store, { storeIds: null });
      expect(kiosk!.seqGaps).toBe(0);
    } finally {
      if (other !== store) await other.close();
    }
  });
});
