// What one engagement event means for the dashboards, worked out without the database:
// which session funnel step it marks, its kind for the hourly counts, a scan to count by
// product, a game and its prize draw to count by campaign, a coupon to keep for the tills,
// a session's length. Pure, so every rule is tested on fixed events, and the hub works it out
// where it reads an upload (message-facts.ts), not where it writes one.
import { STEPS } from './funnel-steps.ts';

/** What an event's meaning is read from: nothing about when or where it was received. */
export interface EventToRead {
  event: string;
  /** The shopper session, or kiosk-<bootId> for events outside one. */
  anonymousId: string | null;
  properties: Record<string, unknown>;
}

export interface GameCampaign {
  campaignId: string;
  /** The configured chance this campaign had in the draw, as text ('' unknown). */
  odds: string;
  drawn: boolean;
  won: boolean;
}

export interface EventFacts {
  /** The session the event belongs to (null: none, e.g. heartbeats, pack switches). */
  session: string | null;
  /** Funnel steps it marks (bits of STEPS). */
  steps: number;
  /** Its kind for event_hourly. */
  variant: string;
  scan: { productId: string; found: boolean } | null;
  /**
   * A finished game, once per campaign it concerns: each campaign in its prize draw (with
   * the odds the pack gave it, and whether it won), or the one campaign it names when no
   * draw happened ('' when none).
   */
  game: { gameId: string; completed: boolean; campaigns: GameCampaign[] } | null;
  coupon: {
    couponId: string;
    kioskId: string;
    campaignId: string;
    gameId: string | null;
    seq: number;
    issuedAt: number;
    expiresAt: number;
    rewardKind: string;
    rewardValue: number;
    token: string;
  } | null;
  /** A Session Ended's length. */
  durationMs: number | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * A GTIN as the kiosk normalises it (14 digits, check digit right): the only kind of code
 * the hub counts by product. A store's own codes are not counted — a shopper could scan a
 * loyalty card or a receipt, and what it holds is theirs.
 */
export function isGtin14(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(value[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(value[13]);
}

const SCREEN_STEPS: Record<string, number> = { home: STEPS.home, scan: STEPS.scan, product: 0, games: STEPS.play, game: STEPS.play, offers: STEPS.offers };

/** The shopper session an event belongs to: its anonymousId, unless that names a kiosk boot (kiosk-<bootId>). */
export const sessionOf = (anonymousId: string | null): string | null => (anonymousId && !anonymousId.startsWith('kiosk-') ? anonymousId : null);

export function factsOf(e: EventToRead): EventFacts {
  const p = e.properties;
  const facts: EventFacts = {
    session: sessionOf(e.anonymousId),
    steps: 0,
    variant: '',
    scan: null,
    game: null,
    coupon: null,
    durationMs: null,
  };
  switch (e.event) {
    case 'Session Started':
    case 'Attract Woken':
      facts.steps = STEPS.session;
      facts.variant = text(p.trigger) ?? '';
      break;
    case 'Screen Viewed': {
      const screen = text(p.screen) ?? '';
      facts.variant = screen;
      facts.steps = SCREEN_STEPS[screen] ?? 0;
      break;
    }
    case 'Barcode Scanned': {
      facts.steps = STEPS.scan;
      facts.variant = text(p.source) ?? '';
      const productId = text(p.product_id);
      const lookup = text(p.lookup);
      if (productId && isGtin14(productId) && (lookup === 'hit' || lookup === 'miss')) facts.scan = { productId, found: lookup === 'hit' };
      break;
    }
    case 'Promotion Viewed':
      facts.variant = text(p.via) ?? '';
      facts.steps = p.via === 'offers' ? STEPS.offers : 0;
      break;
    case 'Game Started':
      facts.steps = STEPS.play;
      facts.variant = text(p.game_kind) ?? '';
      break;
    case 'Game Finished': {
      const completed = p.completed === true;
      facts.variant = text(p.game_kind) ?? '';
      facts.steps = STEPS.play | (completed ? STEPS.game_finished : 0);
      facts.game = { gameId: text(p.game_id) ?? '', completed, campaigns: gameCampaigns(p) };
      break;
    }
    case 'Coupon Issued': {
      facts.steps = STEPS.coupon_issued;
      const couponId = text(p.coupon_id);
      const issuedAt = Date.parse(text(p.issued_at) ?? '');
      const expiresAt = Date.parse(text(p.expires_at) ?? '');
      const seq = num(p.kiosk_coupon_seq);
      if (couponId && text(p.token) && Number.isFinite(issuedAt) && Number.isFinite(expiresAt) && seq !== null) {
        facts.coupon = {
          couponId,
          kioskId: text(p.kiosk_id) ?? '',
          campaignId: text(p.campaign_id) ?? '',
          gameId: text(p.game_id),
          seq,
          issuedAt,
          expiresAt,
          rewardKind: text(p.reward_kind) ?? '',
          rewardValue: num(p.reward_value) ?? 0,
          token: text(p.token)!,
        };
      }
      facts.variant = text(p.reward_kind) ?? '';
      break;
    }
    case 'Session Ended':
      facts.variant = text(p.reason) ?? '';
      facts.durationMs = num(p.duration_ms);
      break;
    case 'Gesture Used':
      facts.variant = text(p.gesture) ?? '';
      break;
    case 'Product Not Found':
      facts.variant = text(p.reason) ?? '';
      break;
  }
  return facts;
}

/**
 * The campaigns a Game Finished concerns. Since tracking plan 1.1 `prize_odds` lists the
 * odds of every campaign that could be won in the draw; each of those had a draw, and
 * the one named in `campaign_id` won when the outcome is "won". Before, `prize_odds` was
 * one number (or absent): the named campaign's odds, with a draw when it was won or lost
 * to the odds.
 */
function gameCampaigns(p: Record<string, unknown>): GameCampaign[] {
  const outcome = text(p.prize_outcome);
  const named = text(p.campaign_id) ?? '';
  const odds = p.prize_odds;
  if (odds !== null && typeof odds === 'object' && !Array.isArray(odds)) {
    const drawn = Object.entries(odds as Record<string, unknown>)
      .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
      .map(([campaignId, o]) => ({ campaignId, odds: String(o), drawn: true, won: outcome === 'won' && campaignId === named }));
    if (drawn.length > 0) return drawn;
  }
  const single = num(odds);
  return [{ campaignId: named, odds: single === null ? '' : String(single), drawn: outcome === 'won' || (outcome === 'none' && p.prize_reason === 'unlucky'), won: outcome === 'won' }];
}
