// Signing and checking coupon tokens with Ed25519 through WebCrypto
// (globalThis.crypto.subtle), so the kiosk's main process, the browser and the tills'
// Node tools share one implementation.
import { base32Decode, base32Encode } from './base32.ts';
import { fromBase64 } from './coupon-ids.ts';
import { bytesToHex, COUPON_VERSION, decodePayload, encodePayload, expiresAtOf, PAYLOAD_BYTES, SIGNATURE_BYTES, TOKEN_BYTES, type CouponFields } from './coupon-payload.ts';

const ED25519 = { name: 'Ed25519' } as const;
/** Signatures cover this prefix and the payload, so a coupon key signs nothing else by accident. */
const CONTEXT = new TextEncoder().encode('shopfront-kiosk coupon\0');

/** Base32 characters of a token. */
export const TOKEN_LENGTH = Math.ceil((TOKEN_BYTES * 8) / 5);

/** A WebCrypto key, named so that both the browser and Node type it. */
export type WebCryptoKey = Parameters<typeof globalThis.crypto.subtle.sign>[1];

export interface CouponSigner {
  /** 16 hex digits (couponKeyId of the public key). */
  keyId: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** A public key a till or the backend trusts, as a kiosk exports it. */
export interface KnownCouponKey {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  kioskId?: string;
  deviceId?: string;
  storeId?: string;
  kioskName?: string;
}

export type CouponProblem = 'malformed' | 'unsupported-version' | 'unknown-key' | 'bad-signature' | 'expired' | 'not-yet-valid';

export type CouponVerdict =
  | { valid: true; fields: CouponFields; key: KnownCouponKey; expiresAt: number }
  | { valid: false; reason: CouponProblem; detail: string; fields?: CouponFields; key?: KnownCouponKey; expiresAt?: number };

function signedMessage(payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(CONTEXT.length + payload.length);
  message.set(CONTEXT);
  message.set(payload, CONTEXT.length);
  return message;
}

/** Signs the fields (their keyTag is taken from the signer) and returns the token text. */
export async function signCoupon(fields: Omit<CouponFields, 'keyTag'>, signer: CouponSigner): Promise<string> {
  const payload = encodePayload({ ...fields, keyTag: signer.keyId.slice(0, 8) });
  const signature = await signer.sign(signedMessage(payload));
  if (signature.length !== SIGNATURE_BYTES) throw new Error(`an Ed25519 signature is ${SIGNATURE_BYTES} bytes, the signer gave ${signature.length}`);
  const token = new Uint8Array(TOKEN_BYTES);
  token.set(payload);
  token.set(signature, PAYLOAD_BYTES);
  return base32Encode(token);
}

/** A signer over a WebCrypto Ed25519 private key (which may be non-extractable). */
export function webCryptoSigner(keyId: string, privateKey: WebCryptoKey): CouponSigner {
  return {
    keyId,
    sign: async (message) => new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, privateKey, message as Uint8Array<ArrayBuffer>)),
  };
}

/** The first coupon token in a text: the token itself, or a claim link that holds one. */
export function findToken(text: string): string | null {
  const match = new RegExp(`(?<![A-Za-z2-7])[A-Za-z2-7]{${TOKEN_LENGTH}}(?![A-Za-z2-7])`).exec(text);
  return match ? match[0].toUpperCase() : null;
}

type RawToken = { ok: true; payload: Uint8Array; signature: Uint8Array } | { ok: false; reason: 'malformed' | 'unsupported-version'; detail: string };

/** The signed bytes of a token, before anything in them is trusted. */
function rawToken(text: string): RawToken {
  const token = findToken(text.trim());
  if (!token) return { ok: false, reason: 'malformed', detail: `no coupon token found: a token is ${TOKEN_LENGTH} characters A–Z and 2–7` };
  const bytes = base32Decode(token);
  if (!bytes || bytes.length !== TOKEN_BYTES) return { ok: false, reason: 'malformed', detail: 'the token is not valid base32' };
  if (bytes[0] !== COUPON_VERSION) return { ok: false, reason: 'unsupported-version', detail: `token version ${bytes[0]} is not known (this tool reads version ${COUPON_VERSION})` };
  return { ok: true, payload: bytes.subarray(0, PAYLOAD_BYTES), signature: bytes.subarray(PAYLOAD_BYTES) };
}

/** Reads the fields of a token without checking its signature (for reports about bad tokens). */
export function readToken(text: string): { ok: true; fields: CouponFields; payload: Uint8Array; signature: Uint8Array } | { ok: false; reason: 'malformed' | 'unsupported-version'; detail: string } {
  const raw = rawToken(text);
  if (!raw.ok) return raw;
  const decoded = decodePayload(raw.payload);
  return decoded.ok ? { ok: true, fields: decoded.fields, payload: raw.payload, signature: raw.signature } : decoded;
}

export interface VerifyOptions {
  /** Unix seconds; defaults to the current time. */
  now?: number;
  /** A kiosk clock may run this far ahead before its coupons look issued in the future. */
  clockSkewSec?: number;
}

/**
 * Checks a token (or a claim link holding one) offline against known kiosk keys and
 * says why it is not valid: malformed, unknown key, bad signature (tampered), expired.
 * The signature is checked over the raw bytes before any field is believed, so an
 * edited token reads as tampered whatever field was changed.
 */
export async function verifyCoupon(text: string, keys: readonly KnownCouponKey[], options: VerifyOptions = {}): Promise<CouponVerdict> {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const skew = options.clockSkewSec ?? 600;
  const raw = rawToken(text);
  if (!raw.ok) return { valid: false, reason: raw.reason, detail: raw.detail };
  const { payload, signature } = raw;
  const decoded = decodePayload(payload);
  const partial = decoded.ok ? { fields: decoded.fields, expiresAt: expiresAtOf(decoded.fields) } : {};
  const keyTag = bytesToHex(payload.subarray(1, 5));
  const candidates = keys.filter((k) => k.keyId.toLowerCase().startsWith(keyTag));
  if (candidates.length === 0) return { valid: false, reason: 'unknown-key', detail: `no known kiosk key has an id starting ${keyTag}`, ...partial };
  const message = signedMessage(payload);
  let key: KnownCouponKey | undefined;
  for (const candidate of candidates) {
    if (await verifySignature(candidate.publicKey, message, signature)) {
      key = candidate;
      break;
    }
  }
  if (!key) return { valid: false, reason: 'bad-signature', detail: 'the signature does not match: the token was changed or not made by this kiosk', ...partial };
  if (!decoded.ok) return { valid: false, reason: 'malformed', detail: decoded.detail, key };
  const { fields } = decoded;
  const expiresAt = expiresAtOf(fields);
  if (fields.issuedAt > now + skew) {
    return { valid: false, reason: 'not-yet-valid', detail: 'the coupon says it was issued in the future: check the kiosk clock', fields, key, expiresAt };
  }
  if (now >= expiresAt) return { valid: false, reason: 'expired', detail: `the coupon expired at ${new Date(expiresAt * 1000).toISOString()}`, fields, key, expiresAt };
  return { valid: true, fields, key, expiresAt };
}

async function verifySignature(publicKey: string, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const raw = fromBase64(publicKey);
  if (!raw || raw.length !== 32) return false;
  try {
    const key = await globalThis.crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, ED25519, false, ['verify']);
    return await globalThis.crypto.subtle.verify(ED25519, key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
  } catch {
    return false;
  }
}

/**
 * The "claim on your phone" link: the pack's template with {token} filled in. The
 * scheme and host are upper-cased (they ignore case) so that, with a path in the QR
 * alphanumeric set, the whole link codes at 5.5 bits a character.
 */
export function claimUrlFor(template: string, token: string): string {
  const filled = template.replace('{token}', token);
  return filled.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, (origin) => origin.toUpperCase());
}
