// The prize engine: who wins what, decided only by the pack's campaign rules — dates,
// weekly windows, score thresholds, odds, the per-kiosk daily cap and inventory — and
// a recorded seed, never by a game's animation. Pure: the same request always gives
// the same decision, so any decision can be replayed for an audit.
import type { Campaign } from '../../../content/schema/campaign.ts';
import { inWindow, localClock } from '../../../content/schema/schedule.ts';
import { seededRandom } from './seeded-random.ts';

export { couponClaimFor } from '../../../content/schema/coupon/campaign-claim.ts';

/** Coupons a kiosk issued for one campaign: today (kiosk-local day) and ever. */
export interface PrizeCount {
  today: number;
  total: number;
}
export type PrizeCounts = Readonly<Record<string, PrizeCount>>;

export interface PrizeRequest {
  gameId: string;
  /** The game's score; null for games of pure chance (minScore does not apply to them). */
  score: number | null;
  campaigns: readonly Campaign[];
  /** Only these campaigns may be won (the wheel can show only its segments' campaigns). */
  onlyCampaigns?: readonly string[];
  counts: PrizeCounts;
  /** Kiosk-local time. */
  now: Date;
  seed: string;
}

export type NoPrizeReason =
  /** No campaign for this game runs now: the game is just for fun. */
  | 'no-campaign'
  /** The score did not reach any campaign's minimum. */
  | 'score-too-low'
  /** The draw did not hit. */
  | 'unlucky'
  /** The draw hit a campaign whose coupons for today (or for good) are all given out. */
  | 'sold-out';

/**
 * The chance each campaign that could be won had in the draw (its share of the draw; a
 * campaign that could not give a coupon just then is left out), for the odds audit.
 */
export type DrawOdds = Record<string, number>;

export type PrizeDecision =
  | { outcome: 'won'; campaignId: string; draw: number; seed: string; odds: DrawOdds }
  | { outcome: 'none'; reason: NoPrizeReason; draw: number | null; seed: string; campaignId?: string; minScore?: number; odds: DrawOdds | null };

export type Availability = 'available' | 'sold-out' | 'no-campaign';

const ZERO: PrizeCount = { today: 0, total: 0 };

/** Campaigns that can award a coupon for this game right now, with their award terms, in pack order. */
export function runningAwards(gameId: string, campaigns: readonly Campaign[], now: Date, onlyCampaigns?: readonly string[]) {
  const at = now.getTime();
  const local = localClock(now);
  const running = [];
  for (const campaign of campaigns) {
    if (onlyCampaigns && !onlyCampaigns.includes(campaign.id)) continue;
    if (at < Date.parse(campaign.validFrom) || at >= Date.parse(campaign.validTo)) continue;
    if (campaign.windows.length > 0 && !campaign.windows.some((w) => inWindow(w, local))) continue;
    const award = campaign.awards.find((a) => a.game === gameId);
    if (award) running.push({ campaign, award });
  }
  return running;
}

/** Coupons left to give today: the smaller of what the daily cap and the inventory allow. */
export function stockLeft(campaign: Campaign, count: PrizeCount = ZERO): number {
  return Math.max(0, Math.min(campaign.dailyCapPerKiosk - count.today, campaign.inventoryPerKiosk - count.total));
}

/** Before a game: is there anything to win, or is everything given out (say so kindly)? */
export function prizeAvailability(request: Omit<PrizeRequest, 'score' | 'seed'>): Availability {
  const running = runningAwards(request.gameId, request.campaigns, request.now, request.onlyCampaigns);
  if (running.length === 0) return 'no-campaign';
  return running.some(({ campaign }) => stockLeft(campaign, request.counts[campaign.id]) > 0) ? 'available' : 'sold-out';
}

/**
 * One draw from the seed decides. The qualifying campaigns' odds are laid end to end
 * on [0, 1) in pack order (capped at 1); the draw lands in one campaign's share or in
 * none. A campaign with no stock keeps its share — the others' chances do not change
 * when one sells out — and the shopper is told it is given out.
 */
export function decidePrize(request: PrizeRequest): PrizeDecision {
  const { seed } = request;
  const running = runningAwards(request.gameId, request.campaigns, request.now, request.onlyCampaigns);
  if (running.length === 0) return { outcome: 'none', reason: 'no-campaign', draw: null, seed, odds: null };
  const score = request.score;
  const qualified = score === null ? running : running.filter(({ award }) => score >= (award.minScore ?? 0));
  if (qualified.length === 0) {
    const minScore = Math.min(...running.map(({ award }) => award.minScore ?? 0));
    return { outcome: 'none', reason: 'score-too-low', draw: null, seed, minScore, odds: null };
  }
  const draw = seededRandom(seed)();
  const odds: DrawOdds = {};
  let edge = 0;
  for (const { campaign, award } of qualified) {
    const next = Math.min(1, edge + award.odds);
    if (stockLeft(campaign, request.counts[campaign.id]) > 0) odds[campaign.id] = next - edge;
    edge = next;
  }
  edge = 0;
  for (const { campaign, award } of qualified) {
    edge = Math.min(1, edge + award.odds);
    if (draw >= edge) continue;
    if (stockLeft(campaign, request.counts[campaign.id]) <= 0) return { outcome: 'none', reason: 'sold-out', draw, seed, campaignId: campaign.id, odds };
    return { outcome: 'won', campaignId: campaign.id, draw, seed, odds };
  }
  return { outcome: 'none', reason: 'unlucky', draw, seed, odds };
}

/** The kiosk-local calendar day daily caps count in, e.g. 2026-11-20. */
export function kioskDay(now: Date): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

