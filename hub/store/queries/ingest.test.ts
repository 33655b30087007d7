import { expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import { describeEachDatabase } from '../testing/each-database.ts';
import { ingestBatch, type AcceptedMessage } from './ingest.ts';
import { enrolKiosk, listKiosks } from './kiosks.ts';
import { messageFacts } from './message-facts.ts';

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

  it('stores each event exactly as it came: Chinese text, emoji, quotes, backslashes and escapes', async () => {
    const store = await fixture.open();
    await enrol(store);
    const properties = { name: '阿克苏苹果 🍎', note: 'say "hi" \\ C:\\path\nline\ttab \u0001 \u2028', empty: '' };
    const sent = [message(1, 'Product Viewed', properties), message(2), message(3, 'Product Viewed', { name: 'ä'.repeat(2_000) })];
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0, accepted: sent, rejected: [] });
    const rows = await store.db.selectFrom('events').select(['seq', 'body']).orderBy('seq').execute();
    expect(rows.map((r) => r.body)).toEqual(sent.map((m) => m.json));
    expect(JSON.parse(rows[0]!.body).properties).toEqual(properties);
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

  it('counts an upload read with its facts worked out exactly as one that brings its properties', async () => {
    const at = (seq: number) => T0 + seq * 1000;
    const shopper = (seq: number, event: string, properties: Record<string, unknown>) => ({ ...message(seq, event, properties), anonymousId: 'shopper-1' });
    const upload = [
      shopper(1, 'Session Started', { trigger: 'touch' }),
      shopper(2, 'Screen Viewed', { screen: 'home' }),
      shopper(3, 'Barcode Scanned', { source: 'scanner', lookup: 'hit', product_id: '06901234567892' }),
      shopper(4, 'Game Finished', { game_id: 'wheel', game_kind: 'wheel', campaign_id: 'juice', completed: true, prize_outcome: 'won', prize_odds: { juice: 0.2, 'ten-off': 0.1 } }),
      shopper(5, 'Coupon Issued', {
        coupon_id: 'k1-1', campaign_id: 'juice', game_id: 'wheel', kiosk_id: 'k1', key_id: 'x', kiosk_coupon_seq: 1,
        issued_at: new Date(at(5)).toISOString(), expires_at: new Date(at(5) + 86_400_000).toISOString(), reward_kind: 'amount-off', reward_value: 500, token: 'T'.repeat(152),
      }),
      shopper(7, 'Session Ended', { reason: 'idle', duration_ms: 42_000 }),
      { ...message(9, 'Events Dropped', { reason: 'budget', count: 1, seq_ranges: [[6, 6]] }), anonymousId: 'kiosk-boot-1' },
    ];
    const worked = upload.map(({ properties, ...m }) => ({ ...m, facts: messageFacts(m.event, m.anonymousId, properties) }));
    const tables = async (store: Awaited<ReturnType<typeof fixture.open>>) => ({
      kiosk: (await listKiosks(store, { storeIds: null }))[0]!.seqGaps,
      hours: await store.db.selectFrom('event_hourly').select(['hour', 'event', 'variant', 'count']).orderBy('event').execute(),
      funnel: await store.db.selectFrom('funnel_hourly').selectAll().execute(),
      dwell: await store.db.selectFrom('dwell_hourly').select(['bucket', 'sessions']).execute(),
      scans: await store.db.selectFrom('scan_daily').select(['product_id', 'found', 'scans']).execute(),
      games: await store.db.selectFrom('game_daily').select(['campaign_id', 'draws', 'won']).orderBy('campaign_id').execute(),
      coupons: await store.db.selectFrom('coupons').select(['coupon_id', 'anonymous_id', 'reward_value']).execute(),
      sessions: await store.db.selectFrom('shopper_sessions').select(['anonymous_id', 'steps', 'duration_ms']).execute(),
    });
    const fromProperties = await fixture.open();
    await enrol(fromProperties);
    await ingestBatch(fromProperties, { deviceId: DEVICE, receivedAt: T0 + 60_000, accepted: upload, rejected: [] });
    const fromFacts = await fixture.open();
    await enrol(fromFacts);
    await ingestBatch(fromFacts, { deviceId: DEVICE, receivedAt: T0 + 60_000, accepted: worked, rejected: [] });
    const expected = await tables(fromProperties);
    expect(await tables(fromFacts)).toEqual(expected);
    // …and what both hold is what the events say: seq 8 is missing (6 was dropped), one scan, a draw for each campaign.
    expect(expected).toMatchObject({ kiosk: 1, scans: [{ product_id: '06901234567892', found: 1, scans: 1 }], games: [{ campaign_id: 'juice', draws: 1, won: 1 }, { campaign_id: 'ten-off', draws: 1, won: 0 }] });
    expect(expected.funnel).toMatchObject([{ sessions: 1, home: 1, scan: 1, play: 1, game_finished: 1, coupon_issued: 1, dwell_ms: 42_000 }]);
    expect(expected.coupons).toEqual([{ coupon_id: 'k1-1', anonymous_id: 'shopper-1', reward_value: 500 }]);
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
