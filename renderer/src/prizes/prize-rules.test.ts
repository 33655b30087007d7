import { describe, expect, it } from 'vitest';
import { Campaign, type Campaign as CampaignT } from '../../../content/schema/campaign.ts';
import { coolingMs, couponClaimFor, decidePrize, kioskDay, prizeAvailability, type PrizeCount, type PrizeRequest } from './prize-rules.ts';
import { newSeed } from './seeded-random.ts';

const zh = (t: string) => ({ 'zh-CN': t });
function campaign(id: string, over: Partial<Record<string, unknown>> = {}): CampaignT {
  return Campaign.parse({
    id,
    name: zh(id),
    reward: { kind: 'amount-off', amount: 1000, title: zh('减10元') },
    validFrom: '2026-01-01T00:00:00+08:00',
    validTo: '2027-01-01T00:00:00+08:00',
    couponValidDays: 7,
    dailyCapPerKiosk: 20,
    inventoryPerKiosk: 500,
    awards: [{ game: 'catch', minScore: 10, odds: 0.5 }, { game: 'wheel', odds: 0.25 }],
    ...over,
  });
}
/** A Saturday, 10:30 kiosk-local time. */
const saturdayMorning = new Date(2026, 10, 21, 10, 30);
const request = (over: Partial<PrizeRequest> = {}): PrizeRequest => ({
  gameId: 'catch', score: 12, campaigns: [campaign('ten-off')], counts: {}, now: saturdayMorning, seed: newSeed(), ...over,
});
/** Decides for many fresh seeds and counts the outcomes. */
function tally(over: Partial<PrizeRequest>, n = 10_000) {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const d = decidePrize(request({ ...over, seed: newSeed() }));
    const key = d.outcome === 'won' ? `won:${d.campaignId}` : d.reason;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('prize engine', () => {
  it('gives the same decision again from the recorded seed', () => {
    for (let i = 0; i < 50; i++) {
      const r = request();
      const first = decidePrize(r);
      expect(decidePrize({ ...r })).toEqual(first);
      expect(first.seed).toBe(r.seed);
    }
  });

  it('wins as often as the pack\'s odds say', () => {
    const counts = tally({});
    expect(Math.abs((counts['won:ten-off'] ?? 0) - 5000)).toBeLessThan(250);
    expect((counts['won:ten-off'] ?? 0) + (counts.unlucky ?? 0)).toBe(10_000);
    const wheel = tally({ gameId: 'wheel', score: null });
    expect(Math.abs((wheel['won:ten-off'] ?? 0) - 2500)).toBeLessThan(250);
  });

  it('needs the minimum score, and says what it was', () => {
    expect(decidePrize(request({ score: 9 }))).toMatchObject({ outcome: 'none', reason: 'score-too-low', minScore: 10, draw: null });
    expect(tally({ score: 10 }, 500)['score-too-low']).toBeUndefined();
    // Games of pure chance have no score to compare.
    expect(decidePrize(request({ gameId: 'wheel', score: null, campaigns: [campaign('c', { awards: [{ game: 'wheel', minScore: 50, odds: 1 }] })] })).outcome).toBe('won');
  });

  it('awards nothing outside the campaign dates or its weekly windows', () => {
    const always = campaign('c', { awards: [{ game: 'catch', odds: 1 }] });
    expect(decidePrize(request({ campaigns: [always], now: new Date('2025-12-31T15:59:59Z') }))).toMatchObject({ reason: 'no-campaign' });
    expect(decidePrize(request({ campaigns: [always], now: new Date('2026-12-31T16:00:00Z') }))).toMatchObject({ reason: 'no-campaign' });
    const weekendMornings = campaign('c', { awards: [{ game: 'catch', odds: 1 }], windows: [{ days: [6, 7], from: '09:00', to: '12:00' }] });
    expect(decidePrize(request({ campaigns: [weekendMornings] })).outcome).toBe('won');
    expect(decidePrize(request({ campaigns: [weekendMornings], now: new Date(2026, 10, 21, 12, 0) }))).toMatchObject({ reason: 'no-campaign' });
    expect(decidePrize(request({ campaigns: [weekendMornings], now: new Date(2026, 10, 23, 10, 30) }))).toMatchObject({ reason: 'no-campaign' });
    expect(decidePrize(request({ gameId: 'scratch' }))).toMatchObject({ reason: 'no-campaign' });
  });

  it('stops at the daily cap until the next day, and at the inventory for good — and says so', () => {
    const sure = campaign('c', { awards: [{ game: 'catch', odds: 1 }], dailyCapPerKiosk: 3, inventoryPerKiosk: 10 });
    const at = (today: number, total: number) => decidePrize(request({ campaigns: [sure], counts: { c: { today, total } } }));
    expect(at(2, 2).outcome).toBe('won');
    expect(at(3, 3)).toMatchObject({ outcome: 'none', reason: 'sold-out', campaignId: 'c' });
    expect(at(0, 9).outcome).toBe('won');
    expect(at(0, 10)).toMatchObject({ reason: 'sold-out' });
    expect(prizeAvailability({ gameId: 'catch', campaigns: [sure], counts: { c: { today: 3, total: 3 } }, now: saturdayMorning })).toBe('sold-out');
    expect(prizeAvailability({ gameId: 'catch', campaigns: [sure], counts: {}, now: saturdayMorning })).toBe('available');
    expect(prizeAvailability({ gameId: 'scratch', campaigns: [sure], counts: {}, now: saturdayMorning })).toBe('no-campaign');
  });

  it('stacks several campaigns\' odds, and one selling out does not raise the others\' chances', () => {
    const a = campaign('a', { awards: [{ game: 'catch', odds: 0.2 }] });
    const b = campaign('b', { awards: [{ game: 'catch', odds: 0.3 }] });
    const both = tally({ campaigns: [a, b] });
    expect(Math.abs((both['won:a'] ?? 0) - 2000)).toBeLessThan(250);
    expect(Math.abs((both['won:b'] ?? 0) - 3000)).toBeLessThan(250);
    const aGone = tally({ campaigns: [a, b], counts: { a: { today: 20, total: 20 } } });
    expect(aGone['won:a']).toBeUndefined();
    expect(Math.abs((aGone['sold-out'] ?? 0) - 2000)).toBeLessThan(250);
    expect(Math.abs((aGone['won:b'] ?? 0) - 3000)).toBeLessThan(250);
  });

  it('refuses a second coupon of a campaign in one shopper session, and names the shopper\'s limit before the kiosk\'s', () => {
    const sure = campaign('c', { awards: [{ game: 'catch', odds: 1 }], capPerSession: 1, cooldownSec: 0 });
    const at = (count: PrizeCount) => decidePrize(request({ campaigns: [sure], counts: { c: count } }));
    expect(at({ today: 5, total: 5, session: 0 }).outcome).toBe('won');
    expect(at({ today: 5, total: 5, session: 1 })).toMatchObject({ outcome: 'none', reason: 'session-limit', campaignId: 'c' });
    // Sold out as well: the shopper hears about their own limit.
    expect(at({ today: 20, total: 20, session: 1 })).toMatchObject({ reason: 'session-limit' });
    const twice = campaign('t', { awards: [{ game: 'catch', odds: 1 }], capPerSession: 2, cooldownSec: 0 });
    expect(decidePrize(request({ campaigns: [twice], counts: { t: { today: 1, total: 1, session: 1 } } })).outcome).toBe('won');
    expect(prizeAvailability({ gameId: 'catch', campaigns: [sure], counts: { c: { today: 1, total: 1, session: 1 } }, now: saturdayMorning })).toBe('session-limit');
    // Another campaign still open: there is something to win.
    const other = campaign('o', { awards: [{ game: 'catch', odds: 0.5 }] });
    expect(prizeAvailability({ gameId: 'catch', campaigns: [sure, other], counts: { c: { today: 1, total: 1, session: 1 } }, now: saturdayMorning })).toBe('available');
  });

  it('waits out the kiosk\'s cool-down after a coupon, whoever plays, and a clock set back does not hold the shopper up', () => {
    const sure = campaign('c', { awards: [{ game: 'catch', odds: 1 }], cooldownSec: 90 });
    const issuedAt = saturdayMorning.getTime();
    const after = (ms: number) => decidePrize(request({ campaigns: [sure], counts: { c: { today: 1, total: 1, session: 0, lastIssuedAt: issuedAt } }, now: new Date(issuedAt + ms) }));
    expect(after(10_000)).toMatchObject({ outcome: 'none', reason: 'cooling-down', campaignId: 'c' });
    expect(after(89_999)).toMatchObject({ reason: 'cooling-down' });
    expect(after(90_000).outcome).toBe('won');
    expect(coolingMs(sure, { today: 1, total: 1, lastIssuedAt: issuedAt }, new Date(issuedAt + 30_000))).toBe(60_000);
    expect(coolingMs(sure, { today: 1, total: 1, lastIssuedAt: issuedAt }, new Date(issuedAt - 3_600_000))).toBe(0);
    expect(coolingMs(sure, { today: 0, total: 0 }, saturdayMorning)).toBe(0);
    expect(prizeAvailability({ gameId: 'catch', campaigns: [sure], counts: { c: { today: 1, total: 1, lastIssuedAt: issuedAt } }, now: new Date(issuedAt + 1000) })).toBe('cooling-down');
  });

  it('tells a shopper who cannot win anything why, whatever the draw, instead of "so close"', () => {
    const rare = campaign('r', { awards: [{ game: 'catch', odds: 0.1 }] });
    expect(tally({ campaigns: [rare], counts: { r: { today: 1, total: 1, session: 1 } } }, 500)).toEqual({ 'session-limit': 500 });
    expect(tally({ campaigns: [rare], counts: { r: { today: 20, total: 20 } } }, 500)).toEqual({ 'sold-out': 500 });
  });

  it('gives a campaign written before the limits existed one coupon a session and a minute between coupons', () => {
    const old = campaign('old');
    expect(old).toMatchObject({ capPerSession: 1, cooldownSec: 60 });
  });

  it('caps stacked odds at certainty', () => {
    const a = campaign('a', { awards: [{ game: 'catch', odds: 0.8 }] });
    const b = campaign('b', { awards: [{ game: 'catch', odds: 0.8 }] });
    const counts = tally({ campaigns: [a, b] }, 2000);
    expect(counts.unlucky).toBeUndefined();
    expect((counts['won:a'] ?? 0) + (counts['won:b'] ?? 0)).toBe(2000);
  });

  it('records each campaign\'s chance in the draw, leaving out one that could not give a coupon', () => {
    const a = campaign('a', { awards: [{ game: 'catch', odds: 0.8 }] });
    const b = campaign('b', { awards: [{ game: 'catch', odds: 0.8 }] });
    const c = campaign('c', { awards: [{ game: 'catch', odds: 0.1 }], dailyCapPerKiosk: 1 });
    const decided = decidePrize(request({ campaigns: [a, b, c], counts: { c: { today: 1, total: 1 } } }));
    // a takes 0.8, b what is left of certainty (0.2); c is given out for today.
    expect(decided.odds).toEqual({ a: 0.8, b: expect.closeTo(0.2, 10) });
    expect(decidePrize(request({ score: 1 })).odds).toBeNull();
  });

  it('considers only the campaigns a game can show', () => {
    const a = campaign('a', { awards: [{ game: 'wheel', odds: 1 }] });
    const b = campaign('b', { awards: [{ game: 'wheel', odds: 1 }] });
    expect(decidePrize(request({ gameId: 'wheel', score: null, campaigns: [a, b], onlyCampaigns: ['b'] }))).toMatchObject({ outcome: 'won', campaignId: 'b' });
  });

  it('turns a won campaign into the claim the host signs', () => {
    expect(couponClaimFor(campaign('ten-off'))).toEqual({ campaignId: 'ten-off', reward: { kind: 'amount-off', value: 1000 }, validHours: 168 });
    expect(couponClaimFor(campaign('p', { reward: { kind: 'percent-off', percent: 15, title: zh('85折') } })).reward).toEqual({ kind: 'percent-off', value: 15 });
    expect(couponClaimFor(campaign('g', { reward: { kind: 'gift', title: zh('赠品') } })).reward).toEqual({ kind: 'gift', value: 0 });
  });

  it('counts days in kiosk-local time', () => {
    expect(kioskDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(kioskDay(new Date(2026, 0, 6, 0, 0))).toBe('2026-01-06');
  });
});
