// What the coupon's QR code holds: the token itself, or the pack's "claim on your phone"
// link holding it.
import { claimUrlFor } from '../../../content/schema/coupon/index.ts';

export function couponQrText(token: string, claimUrlTemplate?: string): string {
  return claimUrlTemplate ? claimUrlFor(claimUrlTemplate, token) : token;
}
