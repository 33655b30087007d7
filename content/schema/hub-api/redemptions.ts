// Coupons closed at the till. A till (or a store's till integration) sends the token it
// read off the shopper's phone or screen; the hub checks the signature with the issuing
// kiosk's registered key, its validity and campaign, and refuses a second redemption of
// the same coupon, saying when and where the first one was. A till that was offline
// checked coupons itself (kiosk-coupon verify) and uploads what it redeemed later, in a
// batch that is safe to send again.
import { z } from 'zod';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

export const RedeemRequest = z.strictObject({
  /** The token, or a claim link that carries it. */
  token: z.string().min(10).max(2000),
  /** When the till redeemed it (ISO 8601); now when left out. */
  redeemedAt: z.string().datetime({ offset: true }).optional(),
});

export const RedemptionRefusal = z.enum(['malformed', 'unsupported-version', 'unknown-key', 'bad-signature', 'expired', 'not-yet-valid', 'already-redeemed']);
export type RedemptionRefusal = z.infer<typeof RedemptionRefusal>;

export const RedeemedCoupon = z.object({
  couponId: z.string(),
  /** The campaign's id when the hub has seen the coupon issued; null until then. */
  campaignId: z.string().nullable(),
  reward: z.object({ kind: z.enum(['gift', 'percent-off', 'amount-off']), value: z.number() }),
  kioskId: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});

/** The first redemption of a coupon: where and when. */
export const FirstRedemption = z.object({ at: z.string(), storeId: z.string(), till: z.string() });

export const RedeemAnswer = z.discriminatedUnion('result', [
  z.object({ result: z.literal('redeemed'), coupon: RedeemedCoupon }),
  z.object({ result: z.literal('refused'), reason: RedemptionRefusal, detail: z.string(), coupon: RedeemedCoupon.nullable(), first: FirstRedemption.nullable() }),
]);
export type RedeemAnswer = z.infer<typeof RedeemAnswer>;

export const redeemRoute = route({
  method: 'POST',
  path: '/v1/redemptions',
  auth: 'till',
  summary: 'Redeems a coupon: 200 redeemed, 409 already redeemed (with the first redemption), 422 refused (forged, expired, unknown kiosk).',
  body: RedeemRequest,
  responses: { 200: RedeemAnswer, 400: ApiErrorBody, 401: ApiErrorBody, 409: RedeemAnswer, 422: RedeemAnswer, 429: ApiErrorBody, 503: ApiErrorBody },
});

export const redeemBatchRoute = route({
  method: 'POST',
  path: '/v1/redemptions/batch',
  auth: 'till',
  summary: 'Redemptions an offline till made, uploaded later: one answer each, in order; sending the same again records nothing twice.',
  body: z.strictObject({ redemptions: z.array(RedeemRequest.required({ redeemedAt: true })).min(1).max(1000) }),
  responses: { 200: z.object({ results: z.array(RedeemAnswer) }), 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody },
});
