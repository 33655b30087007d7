// The hub's secrets: kiosk credentials (`kt_<id>_<secret>`), enrolment tokens (`et_…`),
// one-time enrolment codes people type (`K7Q2-M9XD`), session ids, CSRF tokens and the
// first admin's set-up link. Only SHA-256 hashes are stored; comparisons are in
// constant time.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Equal strings, compared in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

export interface KioskToken {
  /** What the kiosk sends: kt_<id>_<secret>. */
  token: string;
  tokenId: string;
  secretHash: string;
}

export function newKioskToken(): KioskToken {
  const tokenId = token(9);
  const secret = token(32);
  return { token: `kt_${tokenId}_${secret}`, tokenId, secretHash: sha256(secret) };
}

/** The id and secret of a kiosk token, or null when it is not one. */
export function splitKioskToken(value: string): { tokenId: string; secret: string } | null {
  const m = /^kt_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { tokenId: m[1]!, secret: m[2]! } : null;
}

export const newEnrolmentToken = () => `et_${token(32)}`;

/** A till's credential: `tl_<id>_<secret>`; the id names the till in redemptions. */
export function newTillToken(): { token: string; tillId: string; secretHash: string } {
  const tillId = token(9);
  const secret = token(32);
  return { token: `tl_${tillId}_${secret}`, tillId, secretHash: sha256(secret) };
}

export function splitTillToken(value: string): { tillId: string; secret: string } | null {
  const m = /^tl_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { tillId: m[1]!, secret: m[2]! } : null;
}
export const ACCESS_TOKEN_PREFIX = 'pt_';

/** A personal access token: `pt_<id>_<secret>`; the id finds it, only the secret's hash is kept. */
export function newAccessToken(): { token: string; tokenId: string; secretHash: string } {
  const tokenId = token(9);
  const secret = token(32);
  return { token: `${ACCESS_TOKEN_PREFIX}${tokenId}_${secret}`, tokenId, secretHash: sha256(secret) };
}

export function splitAccessToken(value: string): { tokenId: string; secret: string } | null {
  const m = /^pt_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/.exec(value);
  return m ? { tokenId: m[1]!, secret: m[2]! } : null;
}
export const newSessionId = () => token(32);
export const newCsrfToken = () => token(24);
export const newSetupToken = () => token(24);

/** Letters and digits a person reads without confusing them (no I, O, 0, 1). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newEnrolmentCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${pick()}-${pick()}`;
}

/** The hash an enrolment secret is stored and found under (codes without dash, upper case). */
export function enrolmentSecretHash(secret: string): string {
  const trimmed = secret.trim();
  return sha256(trimmed.startsWith('et_') ? trimmed : trimmed.toUpperCase().replaceAll('-', ''));
}
