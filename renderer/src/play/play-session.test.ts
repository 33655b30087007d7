import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Campaign } from '../../../content/schema/campaign.ts';
import { verifyCoupon } from '../../../content/schema/coupon/index.ts';
import type { CouponPublicKey } from '../../../electron/common/kiosk-api.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import type { Tracker } from '../events/tracker.ts';
import { createWebCoupons } from '../host/web-coupons.ts';
import { createPrizeDesk, createSessionTally } from '../prizes/prize-desk.ts';
import { PrizeLedger } from '../prizes/prize-ledger.ts';
import { newSeed } from '../prizes/seeded-random.ts';
import { PlaySession } from './play-session.ts';

const zh = (t: string) => ({ 'zh-CN': t });
const campaign = Campaign.parse({
  id: 'ten-off',
  name: zh('满59减10'),
  reward: { kind: 'amount-off', amount: 1000, title: zh('减10元') },
  validFrom: '2020-01-01T00:00:00+08:00',
  validTo: '2099-01-01T00:00:00+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 100,
  inventoryPerKiosk: 100,
  awards: [{ game: 'catch-fruit', minScore: 10, odds: 1 }, { game: 'lucky-wheel', odds: 1 }],
});

type Tracked = { event: EventName; properties: Record<string, unknown> };
/** A tracker that keeps what it stored; `gate(event)` holds that event's write until opened. */
function fakeTracker(options: { failOn?: EventName } = {}) {
  const stored: Tracked[] = [];
  const gates = new Map<EventName, Promise<void>>();
  const tracker: Tracker & { stored: Tracked[]; gate(event: EventName): () => void } = {
    stored,
    async track<E extends EventName>(event: E, properties: EventCatalogue[E]) {
      if (options.failOn === event) throw new Error('QuotaExceededError');
      await gates.get(event);
      stored.push({ event, properties: properties as Record<string, unknown> });
    },
    gate(event) {
      let open!: () => void;
      gates.set(event, new Promise<void>((r) => (open = r)));
      return open;
    },
  };
  return tracker;
}

let n = 0;
async function setup(game: { id: string; kind: 'catch' | 'wheel' | 'scratch'; onlyCampaigns?: string[] }, tracker = fakeTracker()) {
  const ledger = new PrizeLedger(`play-${++n}`);
  const desk = createPrizeDesk({ ledger, session: createSessionTally(), campaigns: () => [campaign], now: () => new Date(), newSeed });
  let key: CouponPublicKey | null = null;
  const coupons = createWebCoupons({ identity: async () => ({ deviceId: 'd', storeId: 's', kioskName: 'k' }), dbName: `play-coupons-${n}`, onKey: (k) => (key = k) });
  const session = new PlaySession({ game, desk, coupons, tracker });
  return { session, tracker, ledger, key: () => key!, coupons };
}
const result = (score: number) => ({ score, durationMs: 30_000, completed: true, stats: { caught: score } });

describe('a play session', () => {
  it('shows a coupon only after its "Coupon Issued" event is stored, and the coupon verifies', async () => {
    const tracker = fakeTracker();
    const { session, key } = await setup({ id: 'catch-fruit', kind: 'catch' }, tracker);
    await session.started(30, 'normal');
    const open = tracker.gate('Coupon Issued');
    let shown = false;
    const finishing = session.finish(result(12)).then((o) => ((shown = true), o));
    // The decision and "Game Finished" are stored; "Coupon Issued" is still being written: no QR yet.
    await vi.waitFor(() => expect(tracker.stored.map((t) => t.event)).toEqual(['Game Started', 'Game Finished']), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(shown).toBe(false);
    open();
    const outcome = await finishing;
    if (outcome.kind !== 'coupon') throw new Error(outcome.kind);
    expect(tracker.stored.map((t) => t.event)).toEqual(['Game Started', 'Game Finished', 'Coupon Issued']);
    const issued = tracker.stored[2]!.properties;
    expect(issued).toMatchObject({ campaign_id: 'ten-off', game_id: 'catch-fruit', kiosk_coupon_seq: 1, reward_kind: 'amount-off', reward_value: 1000, token: outcome.coupon.token });
    expect(await verifyCoupon(outcome.coupon.token, [key()])).toMatchObject({ valid: true });
    const finished = tracker.stored[1]!.properties;
    expect(finished).toMatchObject({ score: 12, completed: true, prize_outcome: 'won', campaign_id: 'ten-off', prize_reason: null });
    expect(finished.prize_seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('does not show the coupon when its event cannot be stored, and says staff can help', async () => {
    const { session } = await setup({ id: 'catch-fruit', kind: 'catch' }, fakeTracker({ failOn: 'Coupon Issued' }));
    const outcome = await session.finish(result(15));
    expect(outcome).toMatchObject({ kind: 'coupon-error', message: expect.stringMatching(/could not be stored/) });
    expect('coupon' in outcome).toBe(false);
  });

  it('records a coupon the host would not sign', async () => {
    const tracker = fakeTracker();
    const ledger = new PrizeLedger(`play-refuse-${++n}`);
    const desk = createPrizeDesk({ ledger, session: createSessionTally(), campaigns: () => [campaign], now: () => new Date(), newSeed });
    const session = new PlaySession({ game: { id: 'catch-fruit', kind: 'catch' }, desk, tracker, coupons: { issue: async () => ({ ok: false, message: 'The coupon was not issued: disk full' }) } });
    expect(await session.finish(result(20))).toMatchObject({ kind: 'coupon-error' });
    expect(tracker.stored.at(-1)).toEqual({ event: 'Coupon Not Issued', properties: { campaign_id: 'ten-off', game_id: 'catch-fruit', reason: 'The coupon was not issued: disk full' } });
  });

  it('tells a shopper below the minimum score what score would have counted', async () => {
    const { session, tracker } = await setup({ id: 'catch-fruit', kind: 'catch' });
    expect(await session.finish(result(4))).toEqual({ kind: 'no-prize', reason: 'score-too-low', minScore: 10 });
    expect(tracker.stored.map((t) => t.event)).toEqual(['Game Finished']);
    expect(tracker.stored[0]!.properties).toMatchObject({ prize_outcome: 'none', prize_reason: 'score-too-low', prize_seed: expect.any(String), prize_draw: null });
  });

  it('decides a game of chance once, however often the game asks, and issues that prize', async () => {
    const { session, ledger, tracker } = await setup({ id: 'lucky-wheel', kind: 'wheel', onlyCampaigns: ['ten-off'] });
    const [a, b] = await Promise.all([session.decidePrize(null), session.decidePrize(null)]);
    expect(a).toEqual({ won: true, prizeId: 'ten-off' });
    expect(b).toEqual(a);
    const outcome = await session.finish({ score: 0, durationMs: 6000, completed: true, stats: { segment: 2 } });
    expect(outcome.kind).toBe('coupon');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(await ledger.counts(['ten-off'], day)).toEqual({ 'ten-off': { today: 1, total: 1 } });
    expect(tracker.stored.filter((t) => t.event === 'Coupon Issued')).toHaveLength(1);
  });

  it('records a game left midway as not completed, with the prize already decided', async () => {
    const { session, tracker } = await setup({ id: 'lucky-wheel', kind: 'wheel' });
    await session.decidePrize(null);
    session.abandon({ score: 0, durationMs: 2500, completed: false, stats: {} });
    session.abandon(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(tracker.stored).toHaveLength(1);
    expect(tracker.stored[0]).toMatchObject({ event: 'Game Finished', properties: { completed: false, duration_ms: 2500, prize_outcome: 'won' } });
  });
});
