// Tills and coupons in the console: till credentials for stores with a till integration,
// the till page for stores without one (the console redeems as that store's till), and
// the reconciliation of what kiosks issued with what tills redeemed.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { StoreId } from '../enrolment.ts';
import { RedeemAnswer, RedeemRequest } from '../redemptions.ts';
import { route } from '../route.ts';

export const TillRow = z.object({ tillId: z.string(), storeId: z.string(), name: z.string(), createdAt: z.number(), createdBy: z.string(), revoked: z.boolean() });
export type TillRow = z.infer<typeof TillRow>;

export const tillsRoute = route({
  method: 'GET',
  path: '/api/tills',
  auth: 'console',
  summary: 'Till credentials (never their secrets).',
  responses: { 200: z.object({ tills: z.array(TillRow) }), 403: ApiErrorBody },
});

export const createTillRoute = route({
  method: 'POST',
  path: '/api/tills',
  auth: 'console',
  summary: "Makes a till credential for a store (tl_…); shown once, for the till integration's settings.",
  body: z.strictObject({ storeId: StoreId, name: z.string().min(1).max(80) }),
  responses: { 200: z.object({ secret: z.string(), till: TillRow }), 400: ApiErrorBody, 403: ApiErrorBody },
});

export const revokeTillRoute = route({
  method: 'POST',
  path: '/api/tills/:tillId/revoke',
  auth: 'console',
  summary: 'Stops a till credential.',
  params: z.object({ tillId: z.string().max(64) }),
  responses: { 200: TillRow, 403: ApiErrorBody, 404: ApiErrorBody },
});

export const consoleRedeemRoute = route({
  method: 'POST',
  path: '/api/till/redeem',
  auth: 'console',
  summary: "The console's till page: redeems a coupon read by camera or scanner, as the chosen store's till.",
  body: RedeemRequest.extend({ storeId: StoreId }),
  responses: { 200: RedeemAnswer, 400: ApiErrorBody, 403: ApiErrorBody, 409: RedeemAnswer, 422: RedeemAnswer },
});

/**
 * One campaign's coupons issued in the period (by issue time) and what became of them.
 * A line with campaignId '' counts redemptions in the period of coupons the hub never
 * saw issued.
 */
export const CampaignReconciliation = z.object({
  campaignId: z.string(),
  issued: z.number(),
  redeemed: z.number(),
  /** Second (refused) redemptions of a coupon already redeemed. */
  redeemedTwice: z.number(),
  /** Redemptions recorded after the coupon expired (an offline till's batch; an online till is refused). */
  afterExpiry: z.number(),
  /** Redeemed coupons the hub never saw issued (their kiosk may still be offline, or the token is a copy). */
  neverIssued: z.number(),
});
/** Coupon numbers of a kiosk never seen issued, from and to both included. */
export const CouponGap = z.object({ kioskId: z.string(), deviceId: z.string().nullable(), from: z.number(), to: z.number() });
export const reconciliationRoute = route({
  method: 'GET',
  path: '/api/coupons/reconciliation',
  auth: 'console',
  summary: "Issued against redeemed per campaign, redeemed twice, after expiry, never issued, and gaps in each kiosk's coupon numbers.",
  query: z.object({ from: z.coerce.number().int(), to: z.coerce.number().int(), storeId: StoreId.optional() }),
  responses: { 200: z.object({ campaigns: z.array(CampaignReconciliation), gaps: z.array(CouponGap) }), 400: ApiErrorBody },
});
