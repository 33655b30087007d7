import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.ts';
import { couponKeyId, kioskIdOf, campaignTagOf, toBase64 } from './coupon-ids.ts';
import type { CouponFields } from './coupon-payload.ts';
import { claimUrlFor, findToken, signCoupon, TOKEN_LENGTH, verifyCoupon, webCryptoSigner, type KnownCouponKey, type WebCryptoKey } from './coupon-token.ts';

async function kioskKey(): Promise<{ signer: ReturnType<typeof webCryptoSigner>; known: KnownCouponKey }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await couponKeyId(raw);
  return { signer: webCryptoSigner(keyId, pair.privateKey), known: { keyId, publicKey: toBase64(raw) } };
}

const issuedAt = 1_790_000_000;
async function fields(): Promise<Omit<CouponFields, 'keyTag'>> {
  return {
    version: 1,
    kioskId: await kioskIdOf('6f1c2a7e-1111-4222-8333-944445555666'),
    campaignTag: await campaignTagOf('ten-off'),
    seq: 17,
    issuedAt,
    validHours: 48,
    reward: { kind: 'amount-off', value: 1000 },
    nonce: '01020304',
  };
}

/** Flips one bit of the decoded token at `byte` and re-encodes it. */
function flip(token: string, byte: number): string {
  const bytes = base32Decode(token)!;
  bytes[byte]! ^= 0x01;
  return base32Encode(bytes);
}

describe('coupon tokens', () => {
  it('are 152 characters of A–Z and 2–7 that verify against the kiosk key', async () => {
    const { signer, known } = await kioskKey();
    const token = await signCoupon(await fields(), signer);
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(TOKEN_LENGTH).toBe(152);
    expect(token).toMatch(/^[A-Z2-7]+$/);
    const verdict = await verifyCoupon(token, [known], { now: issuedAt + 60 });
    expect(verdict).toMatchObject({ valid: true, fields: { seq: 17, keyTag: known.keyId.slice(0, 8), reward: { kind: 'amount-off', value: 1000 } }, expiresAt: issuedAt + 48 * 3600 });
  });

  it('are refused as tampered when any field or the signature changes', async () => {
    const { signer, known } = await kioskKey();
    const token = await signCoupon(await fields(), signer);
    // kiosk, campaign, seq, issue time, validity, reward kind and value, nonce, signature
    for (const byte of [6, 10, 16, 20, 22, 23, 26, 30, 31, 94]) {
      const verdict = await verifyCoupon(flip(token, byte), [known], { now: issuedAt + 60 });
      expect(verdict, `byte ${byte}`).toMatchObject({ valid: false, reason: 'bad-signature' });
    }
  });

  it('are refused with "unknown key" when signed by a kiosk nobody registered', async () => {
    const ours = await kioskKey();
    const stranger = await kioskKey();
    const token = await signCoupon(await fields(), stranger.signer);
    expect(await verifyCoupon(token, [ours.known], { now: issuedAt })).toMatchObject({ valid: false, reason: 'unknown-key' });
  });

  it('are refused as tampered when a forger signs with a key that claims a known id', async () => {
    const ours = await kioskKey();
    const forger = await kioskKey();
    const token = await signCoupon(await fields(), { keyId: ours.known.keyId, sign: forger.signer.sign });
    expect(await verifyCoupon(token, [ours.known], { now: issuedAt })).toMatchObject({ valid: false, reason: 'bad-signature' });
  });

  it('expire after their validity, and look suspicious when issued in the future', async () => {
    const { signer, known } = await kioskKey();
    const token = await signCoupon(await fields(), signer);
    expect(await verifyCoupon(token, [known], { now: issuedAt + 48 * 3600 - 1 })).toMatchObject({ valid: true });
    expect(await verifyCoupon(token, [known], { now: issuedAt + 48 * 3600 })).toMatchObject({ valid: false, reason: 'expired', detail: expect.stringMatching(/expired at 2026-/) });
    expect(await verifyCoupon(token, [known], { now: issuedAt - 3600 })).toMatchObject({ valid: false, reason: 'not-yet-valid' });
  });

  it('say what is wrong with text that is not a token', async () => {
    const { known } = await kioskKey();
    expect(await verifyCoupon('hello', [known])).toMatchObject({ valid: false, reason: 'malformed', detail: expect.stringMatching(/152 characters/) });
  });

  it('are found inside a claim link, whose origin is upper-cased for a smaller QR code', async () => {
    const { signer, known } = await kioskKey();
    const token = await signCoupon(await fields(), signer);
    const url = claimUrlFor('https://m.shop.example.cn/c/{token}?src=kiosk', token);
    expect(url).toBe(`HTTPS://M.SHOP.EXAMPLE.CN/c/${token}?src=kiosk`);
    expect(findToken(url)).toBe(token);
    expect(findToken(url.toLowerCase())).toBe(token);
    expect(await verifyCoupon(url, [known], { now: issuedAt })).toMatchObject({ valid: true });
  });
});
