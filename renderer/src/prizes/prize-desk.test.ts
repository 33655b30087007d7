import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Campaign } from '../../../content/schema/campaign.ts';
import { createPrizeDesk, createSessionTally, type SessionTally } from './prize-desk.ts';
import { PrizeLedger } from './prize-ledger.ts';
import { newSeed } from './seeded-random.ts';

const zh = (t: string) => ({ 'zh-CN': t });
const sure = Campaign.parse({
  id: 'ten-off',
  name: zh('满59减10'),
  reward: { kind: 'amount-off', amount: 1000, title: zh('减10元') },
  validFrom: '2026-01-01T00:00:00+08:00',
  validTo: '2027-01-01T00:00:00+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 2,
  inventoryPerKiosk: 3,
  awards: [{ game: 'wheel', odds: 1 }],
  // Every decide() below is a new shopper a while after the last: only the caps are tested here.
  capPerSession: 5,
  cooldownSec: 0,
});
/** One coupon a shopper, and two minutes between two coupons of this kiosk. */
const limited = Campaign.parse({ ...sure, id: 'juice', dailyCapPerKiosk: 50, inventoryPerKiosk: 500, capPerSession: 1, cooldownSec: 120 });
let n = 0;

function desk(now: { value: Date }, ledger = new PrizeLedger(`prizes-test-${++n}`), campaigns = [sure], session: SessionTally = createSessionTally()) {
  return { ledger, session, desk: createPrizeDesk({ ledger, session, campaigns: () => campaigns, now: () => now.value, newSeed }) };
}
const outcome = (r: Awaited<ReturnType<ReturnType<typeof createPrizeDesk>['decide']>>) => (r.decision.outcome === 'won' ? 'won' : r.decision.reason);

describe('prize desk', () => {
  it('gives coupons up to the daily cap, then says they are given out until tomorrow, then stops at the inventory', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const { desk: d } = desk(now);
    const ask = { gameId: 'wheel', score: null };
    const day1 = [await d.decide(ask), await d.decide(ask), await d.decide(ask)].map((r) => r.decision.outcome === 'won' ? 'won' : r.decision.reason);
    expect(day1).toEqual(['won', 'won', 'sold-out']);
    expect(await d.availability('wheel')).toBe('sold-out');

    now.value = new Date(2026, 10, 21, 9, 0);
    expect(await d.availability('wheel')).toBe('available');
    const day2 = [await d.decide(ask), await d.decide(ask)].map((r) => r.decision.outcome === 'won' ? 'won' : r.decision.reason);
    expect(day2).toEqual(['won', 'sold-out']); // inventory 3 reached
  });

  it('remembers the counts across restarts of the kiosk', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const name = `prizes-restart-${++n}`;
    const first = desk(now, new PrizeLedger(name));
    await first.desk.decide({ gameId: 'wheel', score: null });
    await first.desk.decide({ gameId: 'wheel', score: null });
    first.ledger.close();
    const again = desk(now, new PrizeLedger(name));
    expect(await again.ledger.counts(['ten-off'], '2026-11-20')).toEqual({ 'ten-off': { today: 2, total: 2 } });
    expect((await again.desk.decide({ gameId: 'wheel', score: null })).decision).toMatchObject({ reason: 'sold-out' });
  });

  it('never reserves more than the cap when sessions race', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const { desk: d, ledger } = desk(now);
    const results = await Promise.all(Array.from({ length: 6 }, () => d.decide({ gameId: 'wheel', score: null })));
    expect(results.filter((r) => r.decision.outcome === 'won')).toHaveLength(2);
    expect(await ledger.counts(['ten-off'], '2026-11-20')).toEqual({ 'ten-off': { today: 2, total: 2 } });
  });

  it('gives one shopper one coupon of a campaign however often they play again, and the next shopper another after the cool-down', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const { desk: d, session, ledger } = desk(now, undefined, [limited]);
    const ask = { gameId: 'wheel', score: null };
    expect(outcome(await d.decide(ask))).toBe('won');
    // "Play again", a few seconds later and a minute later: refused for this shopper, before the kiosk's cool-down is even asked.
    now.value = new Date(2026, 10, 20, 10, 0, 40);
    expect(await d.availability('wheel')).toBe('session-limit');
    expect(outcome(await d.decide(ask))).toBe('session-limit');
    now.value = new Date(2026, 10, 20, 10, 3, 0);
    expect(outcome(await d.decide(ask))).toBe('session-limit');
    expect(await ledger.counts(['juice'], '2026-11-20')).toEqual({ juice: { today: 1, total: 1 } });

    // The shopper walks away; someone wakes the kiosk a minute after the coupon: the cool-down holds.
    session.clear();
    now.value = new Date(2026, 10, 20, 10, 1, 0);
    expect(await d.availability('wheel')).toBe('cooling-down');
    expect(outcome(await d.decide(ask))).toBe('cooling-down');
    // Two minutes after the coupon, the new shopper can win.
    now.value = new Date(2026, 10, 20, 10, 2, 0);
    expect(await d.availability('wheel')).toBe('available');
    expect(outcome(await d.decide(ask))).toBe('won');
  });

  it('keeps the cool-down across a restart of the kiosk (it is in the ledger, not in memory)', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const name = `prizes-cooldown-${++n}`;
    const first = desk(now, new PrizeLedger(name), [limited]);
    expect(outcome(await first.desk.decide({ gameId: 'wheel', score: null }))).toBe('won');
    first.ledger.close();
    now.value = new Date(2026, 10, 20, 10, 0, 30);
    const again = desk(now, new PrizeLedger(name), [limited]);
    expect(outcome(await again.desk.decide({ gameId: 'wheel', score: null }))).toBe('cooling-down');
  });

  it('never lets racing decisions of one shopper past their limit', async () => {
    const now = { value: new Date(2026, 10, 20, 10, 0) };
    const { desk: d } = desk(now, undefined, [Campaign.parse({ ...limited, cooldownSec: 0 })]);
    const results = await Promise.all(Array.from({ length: 4 }, () => d.decide({ gameId: 'wheel', score: null })));
    expect(results.map(outcome).sort()).toEqual(['session-limit', 'session-limit', 'session-limit', 'won']);
  });
});
