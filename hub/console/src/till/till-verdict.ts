// What the till page shows for an answer: valid, already used (when and where), or
// refused and why; "unchecked" when the hub could not say.
import type { z } from 'zod';
import type { FirstRedemption, RedeemAnswer, RedeemedCoupon, RedemptionRefusal } from '../../../../content/schema/hub-api/redemptions.ts';

export type Coupon = z.infer<typeof RedeemedCoupon>;
export type First = z.infer<typeof FirstRedemption>;

export type TillVerdict =
  | { kind: 'valid'; coupon: Coupon }
  | { kind: 'used'; coupon: Coupon | null; first: First | null }
  | { kind: 'refused'; reason: Exclude<RedemptionRefusal, 'already-redeemed'>; detail: string; coupon: Coupon | null }
  | { kind: 'unchecked'; message: string };

export function verdictOf(answer: RedeemAnswer): TillVerdict {
  if (answer.result === 'redeemed') return { kind: 'valid', coupon: answer.coupon };
  if (answer.reason === 'already-redeemed') return { kind: 'used', coupon: answer.coupon, first: answer.first };
  return { kind: 'refused', reason: answer.reason, detail: answer.detail, coupon: answer.coupon };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When, short, in the browser's time zone: "12-03 14:05"; with the year when it is not
 * this year's ("2024-12-03 14:05").
 */
export function shortWhen(at: string | number, now: number = Date.now()): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.getFullYear() === new Date(now).getFullYear() ? day : `${d.getFullYear()}-${day}`;
}

/** What the cashier typed, pasted or scanned, as the hub takes it: trimmed, control characters gone. */
export function cleanToken(text: string): string {
  // A scanner may send GS or CR around the code.
  return text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** The contract's bounds for a token (RedeemRequest): shorter or longer is not a coupon. */
export const TOKEN_MIN = 10;
export const TOKEN_MAX = 2000;
