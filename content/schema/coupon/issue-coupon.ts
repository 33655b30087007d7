// Turning a prize the kiosk decided into a signed token: the part every host (Electron
// main, the browser host) shares. The host supplies the key, the kiosk id and the next
// sequence number, and keeps the sequence durable.
import type { z } from 'zod';
import { campaignTagOf } from './coupon-ids.ts';
import type { CouponClaimRecord, SignedCouponRecord } from './coupon-records.ts';
import { bytesToHex, COUPON_VERSION, expiresAtOf, fieldProblem, MAX_VALID_HOURS, type CouponFields } from './coupon-payload.ts';
import { signCoupon, type CouponSigner } from './coupon-token.ts';

export type CouponClaim = z.infer<typeof CouponClaimRecord>;
export type SignedCoupon = z.infer<typeof SignedCouponRecord>;

const CAMPAIGN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What is wrong with a claim a renderer sent, or null. */
export function claimProblem(claim: CouponClaim): string | null {
  if (!CAMPAIGN_ID.test(claim.campaignId)) return 'campaignId must be a pack record id';
  if (!Number.isInteger(claim.validHours) || claim.validHours < 1 || claim.validHours > MAX_VALID_HOURS) return `validHours must be 1–${MAX_VALID_HOURS}`;
  const probe: CouponFields = { version: COUPON_VERSION, keyTag: '00000000', kioskId: '00000000', campaignTag: '00000000', seq: 1, issuedAt: 0, validHours: claim.validHours, reward: claim.reward, nonce: '00000000' };
  return fieldProblem(probe);
}

export const couponIdOf = (kioskId: string, seq: number) => `${kioskId}-${seq}`;

export function randomNonce(): string {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(4)));
}

export async function signClaim(
  claim: CouponClaim,
  issuer: { signer: CouponSigner; kioskId: string },
  seq: number,
  issuedAt: number,
  nonce: string = randomNonce(),
): Promise<SignedCoupon> {
  const problem = claimProblem(claim);
  if (problem) throw new RangeError(`cannot issue this coupon: ${problem}`);
  const fields = {
    version: COUPON_VERSION,
    kioskId: issuer.kioskId,
    campaignTag: await campaignTagOf(claim.campaignId),
    seq,
    issuedAt,
    validHours: claim.validHours,
    reward: claim.reward,
    nonce,
  };
  const token = await signCoupon(fields, issuer.signer);
  return { token, couponId: couponIdOf(issuer.kioskId, seq), kioskId: issuer.kioskId, keyId: issuer.signer.keyId, seq, issuedAt, expiresAt: expiresAtOf(fields), nonce };
}
