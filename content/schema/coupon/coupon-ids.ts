// Short ids carried in a coupon token, derived with SHA-256 so that anyone holding the
// long form (a key, a device id, a campaign id) can check the short one.
import { bytesToHex } from './coupon-payload.ts';

const encoder = new TextEncoder();

export async function sha256(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** A coupon key's id: the first 16 hex digits of SHA-256 over the raw 32-byte public key. */
export async function couponKeyId(rawPublicKey: Uint8Array): Promise<string> {
  return bytesToHex((await sha256(rawPublicKey)).subarray(0, 8));
}

/** The 8 hex digits that name a kiosk in its coupons. */
export async function kioskIdOf(deviceId: string): Promise<string> {
  return bytesToHex((await sha256(`kiosk:${deviceId}`)).subarray(0, 4));
}

/** The 8 hex digits that name a campaign in its coupons. */
export async function campaignTagOf(campaignId: string): Promise<string> {
  return bytesToHex((await sha256(`campaign:${campaignId}`)).subarray(0, 4));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Bytes of a base64 text, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
