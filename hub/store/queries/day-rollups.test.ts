import { expect, it } from 'vitest';
import { openStore, type HubStore } from '../open-store.ts';
import { describeEachDatabase } from '../testing/each-database.ts';
import { dwellBuckets, eventCounts, eventCountsByPack, funnelByPack, funnelCounts, gameCounts, packVersions, productScans, sessionsByHourAndStore, type RollupFilter } from './analytics.ts';
import { buildDay, buildDueDays, builtDays, GRACE_MS } from './day-rollups.ts';
import { ingestBatch, type AcceptedMessage } from './ingest.ts';
import { enrolKiosk } from './kiosks.ts';
import { markRedeemed } from './rollups.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MIN = 60_000;
/** Four days of a small fleet: D0 from 10:00 (UTC) to D3 at 03:00. */
const D0 = Date.UTC(2026, 10, 30);
const D1 = D0 + DAY;
const D2 = D0 + 2 * DAY;
const D3 = D0 + 3 * DAY;
const D4 = D0 + 4 * DAY;

const KIOSKS = [
  { deviceId: 'dev-a', storeId: 'sh-001' },
  { deviceId: 'dev-b', storeId: 'sh-001' },
  { deviceId: 'dev-c', storeId: 'sh-002' },
];
const gtin = (thirteen: string) => {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(thirteen[i]) * (i % 2 === 0 ? 3 : 1);
  return thirteen + ((10 - (sum % 10)) % 10);
};
const PRODUCTS = ['0690123456789', '0400638133393', '0690000000001', '0690000000002', '0690000000003'].map(gtin);
const EVENTS = ['Session Started', 'Screen Viewed', 'Barcode Scanned', 'Game Started', 'Gesture Used', 'Session Ended'];

function random(seed: number) {
  let a = seed;
  return () => ((a = (a * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

let seq = 0;
/** One shopper session as a kiosk records it, starting at `at`. */
function session(deviceId: string, at: number, pack: string, rnd: () => number): AcceptedMessage[] {
  const id = `${deviceId}-s${++seq}`;
  const out: AcceptedMessage[] = [];
  const add = (t: number, event: string, properties: Record<string, unknown>) =>
    out.push({ messageId: `${deviceId}-${++seq}`, seq, event, originalAt: t, json: '{}', properties, anonymousId: id, pack });
  add(at, 'Session Started', { trigger: ['touch', 'scan', 'gesture'][Math.floor(rnd() * 3)] });
  add(at + 1000, 'Screen Viewed', { screen: 'home' });
  const roll = rnd();
  if (roll < 0.5) {
    for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) {
      add(at + 5000 * (i + 1), 'Barcode Scanned', { source: rnd() < 0.7 ? 'scanner' : 'camera', lookup: rnd() < 0.75 ? 'hit' : 'miss', product_id: PRODUCTS[Math.floor(rnd() * rnd() * PRODUCTS.length)] });
    }
  } else if (roll < 0.85) {
    const game = rnd() < 0.5 ? 'wheel' : 'catch';
    add(at + 3000, 'Screen Viewed', { screen: 'games' });
    add(at + 4000, 'Game Started', { game_id: game, game_kind: game });
    add(at + 34_000, 'Game Finished', { game_id: game, game_kind: game, completed: true, prize_outcome: rnd() < 0.3 ? 'won' : 'none', prize_reason: 'unlucky', campaign_id: `${game}-10`, prize_odds: { [`${game}-10`]: 0.3 } });
  }
  if (rnd() < 0.3) add(at + 40_000, 'Gesture Used', { gesture: 'pinch' });
  const duration = Math.floor(rnd() * 20 * MIN);
  add(at + duration, 'Session Ended', { reason: 'idle', duration_ms: duration });
  return out;
}

/** Uploads the fleet's four days, each kiosk's day in one upload a minute after its last event. */
async function loadFleet(store: HubStore): Promise<void> {
  for (const k of KIOSKS) await enrolKiosk(store, { ...k, name: k.deviceId, tokenId: `t-${k.deviceId}`, tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: D0 });
  for (const [i, { deviceId }] of KIOSKS.entries()) {
    const rnd = random(i + 1);
    const byDay = new Map<number, AcceptedMessage[]>();
    for (let at = D0 + 10 * HOUR + i * 17 * MIN; at < D3 + 3 * HOUR; at += 2 * HOUR + Math.floor(rnd() * 3 * HOUR)) {
      // One kiosk moves to the new pack version on D2; one showed no pack for a while on D1.
      const pack = deviceId === 'dev-c' && at >= D2 ? 'spring@1.1.0' : deviceId === 'dev-b' && at >= D1 && at < D1 + 12 * HOUR ? '' : 'spring@1.0.0';
      for (const m of session(deviceId, at, pack, rnd)) byDay.set(m.originalAt! - (m.originalAt! % DAY), [...(byDay.get(m.originalAt! - (m.originalAt! % DAY)) ?? []), m]);
    }
    // A session across midnight: it counts in the hour it started, its end arrives the next day.
    for (const m of session(deviceId, D1 + 23 * HOUR + 50 * MIN, 'spring@1.0.0', () => 0.99)) byDay.set(m.originalAt! - (m.originalAt! % DAY), [...(byDay.get(m.originalAt! - (m.originalAt! % DAY)) ?? []), m]);
    for (const messages of byDay.values()) {
      await ingestBatch(store, { deviceId, receivedAt: Math.max(...messages.map((m) => m.originalAt!)) + MIN, accepted: messages, rejected: [] });
    }
  }
}

/** Filters people use: partial days at both ends, whole days, a store, a manager's stores, a kiosk, a pack, an afternoon. */
const FILTERS: RollupFilter[] = [
  { from: D0 + 13 * HOUR + 30 * MIN, to: D3 + 2 * HOUR + 20 * MIN, visibleStores: null },
  { from: D0, to: D4, visibleStores: null },
  { from: D1, to: D2, visibleStores: null },
  { from: D0 + 11 * HOUR, to: D3 + HOUR, storeId: 'sh-001', visibleStores: null },
  { from: D0 + 11 * HOUR, to: D3 + HOUR, visibleStores: ['sh-002'] },
  { from: D0, to: D4, visibleStores: [] },
  { from: D0 + 12 * HOUR + 5 * MIN, to: D4, deviceId: 'dev-b', visibleStores: null },
  { from: D0 + 3 * HOUR, to: D3 + 3 * HOUR, pack: 'spring@1.1.0', visibleStores: null },
  { from: D0, to: D3 + 3 * HOUR, pack: '', visibleStores: null },
  { from: D0 + 20 * HOUR, to: D4, storeId: 'sh-001', pack: 'spring@1.0.0', visibleStores: ['sh-001', 'sh-002'] },
  { from: D1 + 9 * HOUR, to: D1 + 15 * HOUR + 30 * MIN, visibleStores: null },
];

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** Every dashboard's answer for every filter, rows in a fixed order. */
async function everyDashboard(store: HubStore) {
  const out = [];
  for (const f of FILTERS) {
    out.push({
      funnel: await funnelCounts(store, f),
      packs: await funnelByPack(store, f),
      heatmap: sorted(await sessionsByHourAndStore(store, f)),
      dwell: sorted([...(await dwellBuckets(store, f))]),
      inputs: sorted(await eventCounts(store, f, EVENTS)),
      byPack: sorted(await eventCountsByPack(store, f, EVENTS)),
      scans: await productScans(store, f, true, 50),
      notFound: await productScans(store, f, false, 50),
      topTwo: await productScans(store, f, true, 2),
      games: await gameCounts(store, f),
      versions: await packVersions(store, f),
    });
  }
  return out;
}

describeEachDatabase('daily rollups', (fixture, kind) => {
  it('leaves every dashboard figure unchanged when the days are built, for every filter', async () => {
    const store = await fixture.open();
    await loadFleet(store);
    const before = await everyDashboard(store);
    // The fleet is worth comparing: sessions in every day, both pack versions, scans found and not.
    expect(before[1]!.funnel.sessions).toBeGreaterThanOrEqual(50);
    expect(before[1]!.versions).toEqual(['spring@1.0.0', 'spring@1.1.0']);
    expect(before[1]!.packs.map((p) => [p.pack, p.kiosks])).toEqual([['', 1], ['spring@1.0.0', 3], ['spring@1.1.0', 1]]);
    expect(before[1]!.scans.length).toBeGreaterThan(2);
    expect(before[1]!.notFound.length).toBeGreaterThan(0);

    // At 02:00 on D3, D0–D2 are over: built newest first; D3 is still going.
    expect(await buildDueDays(store, D3 + 2 * HOUR)).toEqual([D2, D1, D0]);
    expect(await everyDashboard(store)).toEqual(before);
    expect(await buildDueDays(store, D4 + GRACE_MS)).toEqual([D3]);
    expect(await builtDays(store, D0 - DAY, D4 + DAY)).toEqual(new Set([D0, D1, D2, D3]));
    expect(await everyDashboard(store)).toEqual(before);
    expect(await buildDueDays(store, D4 + GRACE_MS + MIN)).toEqual([]);

    // The figures of a built day now come from its daily rows: without its hourly rows, D1 still shows them.
    for (const table of ['funnel_hourly', 'dwell_hourly', 'event_hourly'] as const) await store.db.deleteFrom(table).where('hour', '>=', D1).where('hour', '<', D2).execute();
    const d1 = before[2]!;
    const f = FILTERS[2]!;
    expect({ funnel: await funnelCounts(store, f), packs: await funnelByPack(store, f), dwell: sorted([...(await dwellBuckets(store, f))]), inputs: sorted(await eventCounts(store, f, EVENTS)) }).toEqual({
      funnel: d1.funnel,
      packs: d1.packs,
      dwell: d1.dwell,
      inputs: d1.inputs,
    });
  });

  it('counts a late upload for a built day at once, and in the daily rollups after the next run of the job', async () => {
    const store = await fixture.open();
    await loadFleet(store);
    await buildDueDays(store, D4 + GRACE_MS);
    const whole = { from: D0, to: D4, visibleStores: null };
    const before = { funnel: await funnelCounts(store, whole), scans: await productScans(store, whole, false, 50) };

    // dev-c was offline: on D4 it uploads a session of D1 (a code not found) and a session of D2 that won a coupon.
    const shopper = (n: number, at: number, event: string, properties: Record<string, unknown>): AcceptedMessage =>
      ({ messageId: `late-${n}`, seq: 10_000 + n, event, originalAt: at, json: '{}', properties, anonymousId: n <= 3 ? 'late-shopper-1' : 'late-shopper-2', pack: 'spring@1.0.0' });
    const t1 = D1 + 14 * HOUR;
    const t2 = D2 + 9 * HOUR;
    await ingestBatch(store, {
      deviceId: 'dev-c',
      receivedAt: D4 + 2 * HOUR,
      accepted: [
        shopper(1, t1, 'Session Started', { trigger: 'scan' }),
        shopper(2, t1 + 1000, 'Barcode Scanned', { source: 'scanner', lookup: 'miss', product_id: PRODUCTS[4] }),
        shopper(3, t1 + 60_000, 'Session Ended', { reason: 'idle', duration_ms: 60_000 }),
        shopper(4, t2, 'Session Started', { trigger: 'touch' }),
        shopper(5, t2 + 1000, 'Coupon Issued', {
          coupon_id: 'c-1', campaign_id: 'wheel-10', game_id: 'wheel', kiosk_id: 'k', key_id: 'x', kiosk_coupon_seq: 1,
          issued_at: new Date(t2).toISOString(), expires_at: new Date(D4 + DAY).toISOString(), reward_kind: 'amount-off', reward_value: 500, token: 'T'.repeat(152),
        }),
      ],
      rejected: [],
    });
    // A till redeems the coupon on D4: D2's funnel reaches its last step.
    await store.db.transaction().execute((trx) => markRedeemed(trx, store.dialect, 'c-1'));

    const figures = async () => ({
      funnel: await funnelCounts(store, whole),
      missing: (await productScans(store, whole, false, 50)).find((s) => s.productId === PRODUCTS[4])?.scans ?? 0,
    });
    const expected = {
      funnel: {
        ...before.funnel,
        sessions: before.funnel.sessions + 2,
        scan: before.funnel.scan + 1,
        engaged: before.funnel.engaged + 1,
        coupon_issued: before.funnel.coupon_issued + 1,
        coupon_redeemed: before.funnel.coupon_redeemed + 1,
        dwell_ms: before.funnel.dwell_ms + 60_000,
        dwell_sessions: before.funnel.dwell_sessions + 1,
      },
      missing: (before.scans.find((s) => s.productId === PRODUCTS[4])?.scans ?? 0) + 1,
    };
    // Until the job has run, the changed days are read from their hourly rows: counted at once.
    expect(await builtDays(store, D0, D4)).toEqual(new Set([D0, D3]));
    expect(await figures()).toEqual(expected);
    const withLate = await everyDashboard(store);

    expect(await buildDueDays(store, D4 + 3 * HOUR + MIN)).toEqual([D2, D1]);
    expect(await builtDays(store, D0, D4)).toEqual(new Set([D0, D1, D2, D3]));
    expect(await figures()).toEqual(expected);
    expect(await everyDashboard(store)).toEqual(withLate);
    const d1 = await store.db.selectFrom('funnel_daily').select((eb) => eb.fn.sum<number>('sessions').as('n')).where('day', '=', D1).where('device_id', '=', 'dev-c').executeTakeFirstOrThrow();
    const d1Hourly = await store.db.selectFrom('funnel_hourly').select((eb) => eb.fn.sum<number>('sessions').as('n')).where('hour', '>=', D1).where('hour', '<', D2).where('device_id', '=', 'dev-c').executeTakeFirstOrThrow();
    expect(Number(d1.n)).toBe(Number(d1Hourly.n));
    expect(await buildDueDays(store, D4 + 4 * HOUR)).toEqual([]);
  });

  it('builds nothing for today, nor for yesterday until its 15 minutes of grace are over', async () => {
    const store = await fixture.open();
    await enrolKiosk(store, { deviceId: 'dev-a', storeId: 'sh-001', name: 'A', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: D0 });
    await ingestBatch(store, { deviceId: 'dev-a', receivedAt: D1 - MIN, accepted: session('dev-a', D1 - 30 * MIN, 'p@1', () => 0.9), rejected: [] });
    // Yesterday's last minutes arrive just after midnight, with today's first session: no day is marked for that.
    await ingestBatch(store, { deviceId: 'dev-a', receivedAt: D1 + 5 * MIN, accepted: [...session('dev-a', D1 - 2 * MIN, 'p@1', () => 0.9), ...session('dev-a', D1 + MIN, 'p@1', () => 0.9)], rejected: [] });
    expect(await store.db.selectFrom('rollup_days').selectAll().execute()).toEqual([]);

    expect(await buildDueDays(store, D1 + 10 * MIN)).toEqual([]);
    expect(await buildDueDays(store, D1 + GRACE_MS - 1)).toEqual([]);
    expect(await buildDueDays(store, D1 + GRACE_MS)).toEqual([D0]);
    expect(await buildDueDays(store, D2 + GRACE_MS - 1)).toEqual([]);
    expect(await builtDays(store, D0, D2)).toEqual(new Set([D0]));
  });

  it('builds a day once when two hub processes build it at the same time, with the right sums', async () => {
    const store = await fixture.open();
    await loadFleet(store);
    // On PostgreSQL a second hub process (its own connections); SQLite has one process.
    const other = kind === 'postgres' ? await openStore({ ...fixture.reopenOptions(), migrate: false }) : store;
    try {
      // Both connected first, so that the two builds run side by side rather than one after the other's connect.
      await Promise.all([store, other].map((s) => s.db.selectFrom('rollup_days').select('day').execute()));
      for (const day of [D0, D1, D2]) {
        const results = await Promise.all([buildDay(store, day, D3 + HOUR), buildDay(other, day, D3 + HOUR)]);
        expect(results.sort()).toEqual([false, true]);
      }
    } finally {
      if (other !== store) await other.close();
    }
    const sum = async (table: 'funnel_daily' | 'event_daily' | 'scan_fleet_daily', column: 'sessions' | 'count' | 'scans') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.sum<number>(column).as('n')).where('day', '=', D1).executeTakeFirstOrThrow()).n);
    const hourly = async (table: 'funnel_hourly' | 'event_hourly', column: 'sessions' | 'count') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.sum<number>(column).as('n')).where('hour', '>=', D1).where('hour', '<', D2).executeTakeFirstOrThrow()).n);
    const scans = Number((await store.db.selectFrom('scan_daily').select((eb) => eb.fn.sum<number>('scans').as('n')).where('day', '=', D1).executeTakeFirstOrThrow()).n);
    expect(await sum('funnel_daily', 'sessions')).toBe(await hourly('funnel_hourly', 'sessions'));
    expect(await sum('event_daily', 'count')).toBe(await hourly('event_hourly', 'count'));
    expect(await sum('scan_fleet_daily', 'scans')).toBe(scans);
    expect(await sum('funnel_daily', 'sessions')).toBeGreaterThan(0);
    expect(await builtDays(store, D1, D2)).toEqual(new Set([D1]));
  });
});
