import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database.ts';
import { holdFirstRead } from '../testing/hold-read.ts';
import { ingestBatch, type AcceptedMessage } from './ingest.ts';
import { enrolKiosk } from './kiosks.ts';
import { recordRedemption } from './redemptions.ts';
import { markRedeemed } from './rollups.ts';

const DEVICE = 'device-0001';
const T0 = Date.UTC(2026, 11, 7, 2, 0, 0); // 10:00 in Shanghai
let seq = 0;

function event(anonymousId: string, minute: number, name: string, properties: Record<string, unknown> = {}): AcceptedMessage {
  const n = ++seq;
  const messageId = `m-${n}`;
  return { messageId, seq: n, event: name, originalAt: T0 + minute * 60_000, json: JSON.stringify({ messageId }), properties, anonymousId, pack: 'spring@1.0.0' };
}

const couponIssued = (anonymousId: string, couponId: string, couponSeq: number) =>
  event(anonymousId, 0, 'Coupon Issued', {
    coupon_id: couponId, campaign_id: 'juice-10', game_id: 'wheel', kiosk_id: 'k1', key_id: 'x', kiosk_coupon_seq: couponSeq,
    issued_at: new Date(T0).toISOString(), expires_at: new Date(T0 + 86_400_000).toISOString(), reward_kind: 'amount-off', reward_value: 1000, token: 'T'.repeat(152),
  });

describeEachDatabase('rollups at ingest', (fixture, kind) => {
  it('counts a coupon redeemed while the upload carrying its issue is being stored', async () => {
    const store = await fixture.open();
    await enrolKiosk(store, { deviceId: DEVICE, storeId: 'sh-001', name: 'W1', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: T0 });
    // The kiosk was offline; it comes back just as the shopper hands the coupon over at the till.
    // Its upload held just after it looked for redemptions of the coupons it stores.
    const hold = holdFirstRead('redemptions');
    const upload = ingestBatch(
      { ...store, db: store.db.withPlugin(hold.plugin) },
      { deviceId: DEVICE, receivedAt: T0 + 600_000, accepted: [event('shopper-d', 0, 'Session Started', { trigger: 'touch' }), couponIssued('shopper-d', 'k1-3', 3)], rejected: [] },
    );
    await hold.reached; // the upload found no redemption of k1-3, and has not committed
    const redemption = recordRedemption(store, {
      couponId: 'k1-3', kioskId: 'k1', issuedBy: DEVICE, campaignTag: 'juice', couponSeq: 3, storeId: 'sh-001', till: 'till:1',
      redeemedAt: T0 + 610_000, receivedAt: T0 + 610_000, expiresAt: T0 + 86_400_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    hold.release();
    await upload;
    expect(await redemption).toEqual({ outcome: 'first' });
    const row = await store.db.selectFrom('funnel_hourly').select(['coupon_issued', 'coupon_redeemed']).executeTakeFirstOrThrow();
    expect(row).toEqual({ coupon_issued: 1, coupon_redeemed: 1 });
  });

  it('counts each funnel step once per session, in the hour the session started, however the events arrive', async () => {
    const store = await fixture.open();
    await enrolKiosk(store, { deviceId: DEVICE, storeId: 'sh-001', name: 'W1', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: T0 });
    const a = [
      event('shopper-a', 0, 'Session Started', { trigger: 'touch' }),
      event('shopper-a', 0, 'Screen Viewed', { screen: 'home' }),
      event('shopper-a', 1, 'Screen Viewed', { screen: 'games' }),
      event('shopper-a', 2, 'Game Finished', { game_id: 'wheel', campaign_id: 'juice-10', completed: true, prize_outcome: 'won', prize_odds: { 'ten-off': 0.15, 'juice-10': 0.2 } }),
      event('shopper-a', 2, 'Coupon Issued', {
        coupon_id: 'k1-1', campaign_id: 'juice-10', game_id: 'wheel', kiosk_id: 'k1', key_id: 'x', kiosk_coupon_seq: 1,
        issued_at: new Date(T0).toISOString(), expires_at: new Date(T0 + 86_400_000).toISOString(), reward_kind: 'amount-off', reward_value: 1000, token: 'T'.repeat(152),
      }),
      event('shopper-a', 59, 'Screen Viewed', { screen: 'home' }),
      event('shopper-a', 61, 'Session Ended', { reason: 'idle', duration_ms: 61 * 60_000 }),
    ];
    const b = [event('shopper-b', 5, 'Session Started', { trigger: 'scan' }), event('shopper-b', 5, 'Barcode Scanned', { source: 'scanner', lookup: 'miss', product_id: '06901234567892' })];
    // Shopper a's second half arrives first; shopper b's events come twice.
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 3_700_000, accepted: [...a.slice(3), ...b], rejected: [] });
    await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 3_800_000, accepted: [...a.slice(0, 3), ...b], rejected: [] });

    const rows = await store.db.selectFrom('funnel_hourly').selectAll().orderBy('hour').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hour: T0, store_id: 'sh-001', pack: 'spring@1.0.0', sessions: 2, home: 1, scan: 1, play: 1, engaged: 2, game_finished: 1, coupon_issued: 1, coupon_redeemed: 0, dwell_sessions: 1, dwell_ms: 61 * 60_000 });
    const dwell = await store.db.selectFrom('dwell_hourly').select(['bucket', 'sessions']).execute();
    expect(dwell).toEqual([{ bucket: 6, sessions: 1 }]);
    const scans = await store.db.selectFrom('scan_daily').select(['product_id', 'found', 'scans']).execute();
    expect(scans).toEqual([{ product_id: '06901234567892', found: 0, scans: 1 }]);
    // One draw for each campaign on the wheel; the juice coupon won it.
    const games = await store.db.selectFrom('game_daily').select(['campaign_id', 'odds', 'plays', 'completed', 'draws', 'won']).orderBy('campaign_id').execute();
    expect(games).toEqual([
      { campaign_id: 'juice-10', odds: '0.2', plays: 1, completed: 1, draws: 1, won: 1 },
      { campaign_id: 'ten-off', odds: '0.15', plays: 1, completed: 1, draws: 1, won: 0 },
    ]);

    await store.db.transaction().execute((trx) => markRedeemed(trx, store.dialect, 'k1-1'));
    await store.db.transaction().execute((trx) => markRedeemed(trx, store.dialect, 'k1-1'));
    const after = await store.db.selectFrom('funnel_hourly').select(['coupon_redeemed']).executeTakeFirstOrThrow();
    expect(after.coupon_redeemed).toBe(1);
  });

  if (kind === 'postgres') {
    it('a till redeeming a coupon waits for an upload of the coupon\'s kiosk being stored, then counts', async () => {
      const store = await fixture.open();
      await enrolKiosk(store, { deviceId: DEVICE, storeId: 'sh-001', name: 'W1', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: T0 });
      const issued = event('shopper-c', 0, 'Coupon Issued', {
        coupon_id: 'k1-2', campaign_id: 'juice-10', game_id: 'wheel', kiosk_id: 'k1', key_id: 'x', kiosk_coupon_seq: 2,
        issued_at: new Date(T0).toISOString(), expires_at: new Date(T0 + 86_400_000).toISOString(), reward_kind: 'amount-off', reward_value: 1000, token: 'T'.repeat(152),
      });
      await ingestBatch(store, { deviceId: DEVICE, receivedAt: T0 + 60_000, accepted: [event('shopper-c', 0, 'Session Started', { trigger: 'touch' }), issued], rejected: [] });

      // An upload of the kiosk in the middle of being stored: its transaction holds the kiosk's row.
      let finishUpload!: () => void;
      let locked!: () => void;
      const uploadLocked = new Promise<void>((resolve) => (locked = resolve));
      const upload = store.db.transaction().execute(async (trx) => {
        await trx.selectFrom('kiosks').select('device_id').where('device_id', '=', DEVICE).forUpdate().execute();
        locked();
        await new Promise<void>((resolve) => (finishUpload = resolve));
      });
      await uploadLocked;
      let redeemed = false;
      const redemption = store.db.transaction().execute((trx) => markRedeemed(trx, store.dialect, 'k1-2')).then(() => (redeemed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(redeemed).toBe(false);
      finishUpload();
      await upload;
      await redemption;
      const row = await store.db.selectFrom('funnel_hourly').select(['coupon_redeemed']).executeTakeFirstOrThrow();
      expect(row.coupon_redeemed).toBe(1);
    });
  }
});
