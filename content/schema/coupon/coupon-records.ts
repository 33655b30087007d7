// Coupon records as they cross a boundary: the claim a renderer asks its host to sign,
// the signed coupon it gets back, and the kiosk's coupon public key as tills, the
// backend and the hub import it. Declared once here; the host API and the hub API use
// these schemas, and their TypeScript types follow from them.
import { z } from 'zod';

export const CouponRewardRecord = z.strictObject({
  kind: z.enum(['gift', 'percent-off', 'amount-off']),
  /** Percent for percent-off, minor units (fen) for amount-off, 0 for a gift. */
  value: z.number().int().nonnegative(),
});

/** A prize the renderer decided and asks the host to sign: nothing about the shopper. */
export const CouponClaimRecord = z.strictObject({
  campaignId: z.string().min(1).max(64),
  reward: CouponRewardRecord,
  /** Hours the coupon stays redeemable after it is issued. */
  validHours: z.number().int(),
});

export const SignedCouponRecord = z.object({
  /** The signed token (152 characters A–Z, 2–7) a QR code carries. */
  token: z.string(),
  /** `<kioskId>-<seq>`: unique for the kiosk, the name tills and the backend use. */
  couponId: z.string(),
  kioskId: z.string(),
  keyId: z.string(),
  /** The kiosk's coupon number: 1, 2, 3… with no gaps. */
  seq: z.number().int(),
  /** Unix seconds. */
  issuedAt: z.number().int(),
  /** Unix seconds. */
  expiresAt: z.number().int(),
  nonce: z.string(),
});

/** The kiosk's coupon public key, as tills and the backend import it (coupon-public-key.json). */
export const CouponPublicKeyRecord = z.object({
  kind: z.literal('kiosk-coupon-key'),
  /** 16 hex digits. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  kioskId: z.string(),
  deviceId: z.string(),
  storeId: z.string(),
  kioskName: z.string(),
  createdAt: z.string(),
});
export type CouponPublicKeyRecord = z.infer<typeof CouponPublicKeyRecord>;
