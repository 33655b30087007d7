// Redeeming one coupon at a till: the token's signature checked with the issuing
// kiosk's registered key, its validity at the moment of redemption, its campaign when
// the hub has seen it issued, and only the first redemption counts — a second one is
// refused with when and where the first happened.
import { couponIdOf, findToken, readToken, verifyCoupon, type CouponFields } from '../../../content/schema/coupon/index.ts';
import type { RedeemAnswer } from '../../../content/schema/hub-api/redemptions.ts';
import { couponKeysByTag } from '../../store/queries/kiosks.ts';
import { issuedCoupon, recordRedemption } from '../../store/queries/redemptions.ts';
import type { HubContext } from '../hub-context.ts';

export interface RedeemInput {
  text: string;
  /** When the till redeemed it, epoch ms. */
  redeemedAt: number;
  storeId: string;
  /** Who redeemed: `till:<id>` or `console:<username>`. */
  till: string;
}

export interface RedeemOutcome {
  status: 200 | 409 | 422;
  answer: RedeemAnswer;
}

const iso = (ms: number) => new Date(ms).toISOString();

function couponOf(fields: CouponFields, expiresAtSec: number, campaignId: string | null) {
  return {
    couponId: couponIdOf(fields.kioskId, fields.seq),
    campaignId,
    reward: { kind: fields.reward.kind, value: fields.reward.value },
    kioskId: fields.kioskId,
    issuedAt: iso(fields.issuedAt * 1000),
    expiresAt: iso(expiresAtSec * 1000),
  };
}

export async function redeemCoupon(hub: HubContext, input: RedeemInput): Promise<RedeemOutcome> {
  const token = findToken(input.text) ?? input.text.trim();
  const read = readToken(token);
  const keys = read.ok ? await couponKeysByTag(hub.store, read.fields.keyTag) : [];
  const verdict = await verifyCoupon(token, keys, { now: Math.floor(input.redeemedAt / 1000) });
  if (!verdict.valid) {
    const coupon = verdict.fields && verdict.expiresAt !== undefined && verdict.reason !== 'bad-signature' ? couponOf(verdict.fields, verdict.expiresAt, null) : null;
    return { status: 422, answer: { result: 'refused', reason: verdict.reason, detail: verdict.detail, coupon, first: null } };
  }
  const { fields } = verdict;
  const couponId = couponIdOf(fields.kioskId, fields.seq);
  const issued = await issuedCoupon(hub.store, couponId);
  const coupon = couponOf(fields, verdict.expiresAt, issued?.campaignId ?? null);
  const recorded = await recordRedemption(hub.store, {
    couponId,
    kioskId: fields.kioskId,
    issuedBy: verdict.key.deviceId ?? null,
    campaignTag: fields.campaignTag,
    couponSeq: fields.seq,
    storeId: input.storeId,
    till: input.till,
    redeemedAt: input.redeemedAt,
    receivedAt: hub.clock.now(),
    expiresAt: verdict.expiresAt * 1000,
  });
  if (recorded.outcome === 'first' || (recorded.outcome === 'repeat' && recorded.wasFirst)) return { status: 200, answer: { result: 'redeemed', coupon } };
  const first = { at: iso(recorded.first.redeemedAt), storeId: recorded.first.storeId, till: recorded.first.till };
  return {
    status: 409,
    answer: { result: 'refused', reason: 'already-redeemed', detail: `This coupon was already used on ${first.at} at store ${first.storeId}.`, coupon, first },
  };
}
