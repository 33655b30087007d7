// The prize engine: who wins what, decided only by the pack's campaign rules — dates,
// weekly windows, score thresholds, odds, the per-kiosk daily cap and inventory, the
// coupons one shopper may win in a session and the kiosk's cool-down between two
// coupons — and a recorded seed, never by a game's animation. Pure: the same request always gives
// the same decision, so any decision can be replayed for an audit.
import type { Campaign } from '../../../content/schema/campaign.ts';
import { inWindow, localClock } from '../../../content/schema/schedule.ts';
import { seededRandom } from './seeded-random.ts';

export { couponClaimFor } from '../../../content/schema/coupon/campaign-claim.ts';

/** Coupons a kiosk issued for one campaign: today (kiosk-local day) and ever, and what limits the next one. */
export interface PrizeCount {
  today: number;
  total: number;
  /** Coupons of the campaign this shopper session already won. */
  session?: number;
  /** When this kiosk last issued one (ms since the epoch), for the cool-down. */
  lastIssuedAt?: number | null;
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
  | 'sold-out'
  /** The draw hit a campaign this shopper already won as often as one visit allows. */
  | 'session-limit'
  /** The draw hit a campaign this kiosk issued a moment ago: the next one comes after its cool-down. */
  | 'cooling-down';

/**
 * The chance each campaign that could be won had in the draw (its share of the draw; a
 * campaign that could not give a coupon just then is left out), for the odds audit.
 */
export type DrawOdds = Record<string, number>;

export type PrizeDecision =
  | { outcome: 'won'; campaignId: string; draw: number; seed: string; odds: DrawOdds }
  | { outcome: 'none'; reason: NoPrizeReason; draw: number | null; seed: string; campaignId?: string; minScore?: number; odds: DrawOdds | null };

export type Availability = 'available' | 'sold-out' | 'no-campaign' | 'session-limit' | 'cooling-down';

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

/** Coupons of this campaign the shopper may still win in this session. */
export function sessionLeft(campaign: Campaign, count: PrizeCount = ZERO): number {
  return Math.max(0, campaign.capPerSession - (count.session ?? 0));
}

/**
 * Milliseconds until this kiosk may issue the campaign's next coupon; 0 when it may now.
 * A last issue "in the future" means the clock was set back: how long ago it was cannot
 * be known, so it does not hold the shopper up (main's guard keeps the cool-down on a
 * clock that never goes back).
 */
export function coolingMs(campaign: Campaign, count: PrizeCount = ZERO, now: Date): number {
  if (count.lastIssuedAt === undefined || count.lastIssuedAt === null) return 0;
  const since = now.getTime() - count.lastIssuedAt;
  return since < 0 ? 0 : Math.max(0, campaign.cooldownSec * 1000 - since);
}

/** Why the next coupon of this campaign cannot be issued now, or null when it can (the shopper first, then the kiosk). */
export function blockedBy(campaign: Campaign, count: PrizeCount | undefined, now: Date): 'session-limit' | 'sold-out' | 'cooling-down' | null {
  if (sessionLeft(campaign, count) <= 0) return 'session-limit';
  if (stockLeft(campaign, count) <= 0) return 'sold-out';
  if (coolingMs(campaign, count, now) > 0) return 'cooling-down';
  return null;
}

/**
 * Before a game: is there anything to win, or why not (said kindly on the intro)? When
 * nothing is open, the shopper's own limit is named before the kiosk's.
 */
export function prizeAvailability(request: Omit<PrizeRequest, 'score' | 'seed'>): Availability {
  const running = runningAwards(request.gameId, request.campaigns, request.now, request.onlyCampaigns);
  if (running.length === 0) return 'no-campaign';
  const blocks = running.map(({ campaign }) => blockedBy(campaign, request.counts[campaign.id], request.now));
  if (blocks.includes(null)) return 'available';
  if (blocks.includes('session-limit')) return 'session-limit';
  if (blocks.includes('cooling-down')) return 'cooling-down';
  return 'sold-out';
}

/**
 * One draw from the seed decides. The qualifying campaigns' odds are laid end to end
 * on [0, 1) in pack order (capped at 1); the draw lands in one campaign's share or in
 * none. A campaign that cannot give a coupon now (no stock, this shopper's limit, the
 * kiosk's cool-down) keeps its share — the others' chances do not change — and the
 * shopper is told why.
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
  // Nothing could be given whatever the draw: the shopper hears why, not "so close".
  const blocks = qualified.map(({ campaign }) => blockedBy(campaign, request.counts[campaign.id], request.now));
  if (!blocks.includes(null)) {
    const reason = blocks.includes('session-limit') ? 'session-limit' : blocks.includes('cooling-down') ? 'cooling-down' : 'sold-out';
    return { outcome: 'none', reason, draw, seed, campaignId: qualified[blocks.indexOf(reason)]!.campaign.id, odds: null };
  }
  const odds: DrawOdds = {};
  let edge = 0;
  qualified.forEach(({ campaign, award }, i) => {
    const next = Math.min(1, edge + award.odds);
    if (blocks[i] === null) odds[campaign.id] = next - edge;
    edge = next;
  });
  edge = 0;
  for (const [i, { campaign, award }] of qualified.entries()) {
    edge = Math.min(1, edge + award.odds);
    if (draw >= edge) continue;
    const blocked = blocks[i];
    if (blocked) return { outcome: 'none', reason: blocked, draw, seed, campaignId: campaign.id, odds };
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

