import { z } from 'zod';
import { LocalizedText } from './localized.ts';
import { IsoDateTime, MinorUnits, RecordId } from './primitives.ts';
import { WeeklyWindow } from './schedule.ts';

export const Reward = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent-off'), percent: z.number().int().min(1).max(99), title: LocalizedText, terms: LocalizedText.optional() }).strict(),
  z.object({ kind: z.literal('amount-off'), amount: MinorUnits, minSpend: MinorUnits.optional(), title: LocalizedText, terms: LocalizedText.optional() }).strict(),
  z.object({ kind: z.literal('gift'), title: LocalizedText, terms: LocalizedText.optional() }).strict(),
]);
export type Reward = z.infer<typeof Reward>;

/** Which game can award this campaign's coupon, and on what terms. */
export const Award = z
  .object({
    game: RecordId,
    /** The score the shopper must reach (catch/scratch); omitted = any finished game. */
    minScore: z.number().int().min(0).optional(),
    /** Chance of a prize once the score is reached, 0–1. */
    odds: z.number().min(0).max(1),
  })
  .strict();
export type Award = z.infer<typeof Award>;

/**
 * The claim link besides its token, in UTF-8 bytes. With the 152-character token it keeps
 * the coupon's QR code at version 10 (57 modules) or lower at error correction M, which a
 * phone still reads off the kiosk's screen from a step away.
 */
export const CLAIM_URL_MAX_BYTES = 80;
const CLAIM_URL_TOO_LONG = `the claim link is too long for a QR code a phone reads off a screen: at most ${CLAIM_URL_MAX_BYTES} characters besides {token}`;

/** The limits a campaign gets when its record does not name them (packs made before they existed). */
export const CAMPAIGN_LIMIT_DEFAULTS = { capPerSession: 1, cooldownSec: 60 } as const;

/** A coupon campaign: what a shopper can win, how often, and until when. */
export const Campaign = z
  .object({
    id: RecordId,
    name: LocalizedText,
    reward: Reward,
    validFrom: IsoDateTime,
    validTo: IsoDateTime,
    /** Hours and days the campaign awards coupons; empty = whenever the pack is active. */
    windows: z.array(WeeklyWindow).max(14).default([]),
    /** Days an issued coupon stays redeemable (never past validTo + this). */
    couponValidDays: z.number().int().min(1).max(365),
    dailyCapPerKiosk: z.number().int().min(0),
    /** Coupons one kiosk may issue over the whole campaign (kiosks work offline, so the cap is per kiosk). */
    inventoryPerKiosk: z.number().int().min(0),
    /**
     * Coupons of this campaign one shopper may win in one visit (a session: from the
     * touch that wakes the kiosk until it returns to the attract loop). "Play again"
     * still plays; a further win of this campaign is refused with a kind word.
     * Optional: packs made before it existed get 1.
     */
    capPerSession: z.number().int().min(1).max(20).default(CAMPAIGN_LIMIT_DEFAULTS.capPerSession),
    /**
     * Seconds this kiosk waits after issuing a coupon of this campaign before it issues
     * the next one — whoever plays. A session ends when the shopper walks away, so this
     * is what stops "walk away, come back, win again"; main's coupon guard holds it
     * too, so a tampered screen cannot go faster. Optional: packs made before it
     * existed get 60 s, shorter than a session ending and the next shopper's game.
     */
    cooldownSec: z.number().int().min(0).max(86_400).default(CAMPAIGN_LIMIT_DEFAULTS.cooldownSec),
    awards: z.array(Award).min(1, { message: 'say which game awards this coupon' }),
    /** Optional "claim on your phone" link; {token} is replaced by the signed coupon. */
    claimUrlTemplate: z
      .string()
      .url()
      .includes('{token}', { message: 'the link must contain {token}' })
      .refine((t) => new TextEncoder().encode(t.replace('{token}', '')).length <= CLAIM_URL_MAX_BYTES, { message: CLAIM_URL_TOO_LONG })
      .optional(),
  })
  .strict()
  .refine((c) => Date.parse(c.validFrom) < Date.parse(c.validTo), { message: 'validTo must be after validFrom', path: ['validTo'] });
export type Campaign = z.infer<typeof Campaign>;
