import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Campaign } from '../../../content/schema/campaign.ts';
import { createPrizeDesk } from './prize-desk.ts';
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
});
let n = 0;

function desk(now: { value: Date }, ledger = new PrizeLedger(`prizes-test-${++n}`)) {
  return { ledger, desk: createPrizeDesk({ ledger, campaigns: () => [sure], now: () => now.value, newSeed }) };
}

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
});
