import { describe, expect, it } from 'vitest';
import { factsOf, isGtin14 } from './event-facts.ts';
import { STEPS } from './funnel-steps.ts';

const facts = (event: string, properties: Record<string, unknown>, anonymousId = 'shopper-1') => factsOf({ event, anonymousId, properties });

describe('what an event means for the dashboards', () => {
  it('marks the funnel step a shopper reached', () => {
    expect(facts('Screen Viewed', { screen: 'home' }).steps).toBe(STEPS.home);
    expect(facts('Screen Viewed', { screen: 'offers' }).steps).toBe(STEPS.offers);
    expect(facts('Barcode Scanned', { source: 'camera', lookup: 'miss' }).steps).toBe(STEPS.scan);
    expect(facts('Game Finished', { completed: true, prize_outcome: 'none', prize_reason: 'unlucky' }).steps).toBe(STEPS.play | STEPS.game_finished);
    expect(facts('Game Finished', { completed: false, prize_outcome: 'undecided' }).steps).toBe(STEPS.play);
    expect(facts('Kiosk Heartbeat', {}, 'kiosk-boot-1')).toMatchObject({ session: null, steps: 0 });
  });

  it('counts scans by product only for real GTINs: a store code could be a loyalty card', () => {
    expect(facts('Barcode Scanned', { source: 'scanner', lookup: 'miss', product_id: '06901234567892' }).scan).toEqual({ productId: '06901234567892', found: false });
    expect(facts('Barcode Scanned', { source: 'scanner', lookup: 'hit', product_id: '06901234567892' }).scan).toEqual({ productId: '06901234567892', found: true });
    expect(facts('Barcode Scanned', { source: 'scanner', lookup: 'miss', product_id: '2900000123456' }).scan).toBeNull();
    expect(facts('Barcode Scanned', { source: 'scanner', lookup: 'miss', product_id: '06901234567891' }).scan).toBeNull(); // check digit wrong
    expect(facts('Barcode Scanned', { source: 'scanner', lookup: 'skipped', product_id: '06901234567892' }).scan).toBeNull();
    expect(isGtin14('00012345678905')).toBe(true);
  });

  it('counts a draw for every campaign in it, and the win for the one won (tracking plan 1.1)', () => {
    const odds = { 'ten-off': 0.15, juice: 0.1 };
    const won = facts('Game Finished', { game_id: 'wheel', campaign_id: 'juice', completed: true, prize_outcome: 'won', prize_reason: null, prize_odds: odds }).game;
    expect(won).toEqual({
      gameId: 'wheel',
      completed: true,
      campaigns: [
        { campaignId: 'ten-off', odds: '0.15', drawn: true, won: false },
        { campaignId: 'juice', odds: '0.1', drawn: true, won: true },
      ],
    });
    const lost = facts('Game Finished', { game_id: 'wheel', campaign_id: null, completed: true, prize_outcome: 'none', prize_reason: 'unlucky', prize_odds: odds }).game;
    expect(lost!.campaigns.map((c) => [c.campaignId, c.drawn, c.won])).toEqual([['ten-off', true, false], ['juice', true, false]]);
    // Nothing could be won (all sold out): no draw counts, the game still does.
    const soldOut = facts('Game Finished', { game_id: 'wheel', campaign_id: 'juice', completed: true, prize_outcome: 'none', prize_reason: 'sold-out', prize_odds: null }).game;
    expect(soldOut).toEqual({ gameId: 'wheel', completed: true, campaigns: [{ campaignId: 'juice', odds: '', drawn: false, won: false }] });
  });

  it('reads the events of kiosks from before plan 1.1: one odds number for the named campaign', () => {
    const won = facts('Game Finished', { game_id: 'wheel', campaign_id: 'juice-10', completed: true, prize_outcome: 'won', prize_odds: 0.2 }).game;
    expect(won).toEqual({ gameId: 'wheel', completed: true, campaigns: [{ campaignId: 'juice-10', odds: '0.2', drawn: true, won: true }] });
    expect(facts('Game Finished', { completed: true, prize_outcome: 'none', prize_reason: 'unlucky' }).game!.campaigns[0]).toMatchObject({ drawn: true, won: false, odds: '' });
    expect(facts('Game Finished', { completed: true, prize_outcome: 'none', prize_reason: 'sold-out' }).game!.campaigns[0]).toMatchObject({ drawn: false });
    expect(facts('Game Finished', { completed: true, prize_outcome: 'none', prize_reason: 'score-too-low' }).game!.campaigns[0]).toMatchObject({ drawn: false });
  });

  it('keeps an issued coupon for the tills, and a session length', () => {
    const coupon = facts('Coupon Issued', {
      coupon_id: 'k1-7',
      campaign_id: 'juice-10',
      game_id: 'wheel',
      kiosk_id: 'k1',
      key_id: 'abc',
      kiosk_coupon_seq: 7,
      issued_at: '2026-12-07T02:00:00.000Z',
      expires_at: '2026-12-08T02:00:00.000Z',
      reward_kind: 'amount-off',
      reward_value: 1000,
      token: 'T'.repeat(152),
    });
    expect(coupon.coupon).toMatchObject({ couponId: 'k1-7', seq: 7, rewardValue: 1000, expiresAt: Date.parse('2026-12-08T02:00:00.000Z') });
    expect(coupon.steps).toBe(STEPS.coupon_issued);
    expect(facts('Session Ended', { reason: 'idle', duration_ms: 95_000 }).durationMs).toBe(95_000);
  });
});
