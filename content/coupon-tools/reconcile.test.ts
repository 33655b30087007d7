import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner, type WebCryptoKey, type KnownCouponKey } from '../schema/coupon/index.ts';
import { issuedFromRecords, redemptionsFromRecords } from './coupon-records.ts';
import { reconcileCoupons, seqGaps } from './reconcile.ts';

async function kiosk(deviceId: string) {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await couponKeyId(raw);
  const issuer = { signer: webCryptoSigner(keyId, pair.privateKey), kioskId: await kioskIdOf(deviceId) };
  const known: KnownCouponKey = { keyId, publicKey: toBase64(raw) };
  return { issuer, known };
}

const T0 = Date.parse('2026-11-20T02:00:00Z') / 1000;
const claim = { campaignId: 'ten-off', reward: { kind: 'amount-off' as const, value: 1000 }, validHours: 24 };

/** "Coupon Issued" events as the backend exports them. */
const issuedEvent = (c: Awaited<ReturnType<typeof signClaim>>) => ({
  type: 'track',
  event: 'Coupon Issued',
  properties: { coupon_id: c.couponId, kiosk_id: c.kioskId, kiosk_coupon_seq: c.seq, token: c.token, expires_at: new Date(c.expiresAt * 1000).toISOString() },
});

describe('coupon reconciliation', () => {
  it('finds the gaps in a run of numbers', () => {
    expect(seqGaps([1, 2, 3])).toEqual([]);
    expect(seqGaps([5, 1, 2, 9, 2])).toEqual([[3, 4], [6, 8]]);
  });

  it('flags redeemed-but-never-issued, duplicates, late redemptions, gaps and forged tokens', async () => {
    const a = await kiosk('device-a');
    const coupons = [];
    for (const seq of [1, 2, 3, 5, 6]) coupons.push(await signClaim(claim, a.issuer, seq, T0 + seq));
    const [c1, c2, c3, , c6] = coupons;
    const shown = coupons.filter((c) => c.seq !== 6); // 6 was shown but its event is lost
    const records = [...shown.map(issuedEvent), { type: 'track', event: 'Screen Viewed', properties: { screen: 'games' } }];
    const { issued, skipped } = issuedFromRecords(records);
    expect(skipped).toEqual([]);
    expect(issued.map((i) => i.seq)).toEqual([1, 2, 3, 5]);

    const forged = base32Decode(c3!.token)!;
    forged[26]! ^= 1; // amount changed
    const { redemptions } = redemptionsFromRecords([
      { token: c1!.token, redeemedAt: new Date((T0 + 3600) * 1000).toISOString(), where: 'till 1' },
      { token: c1!.token, redeemed_at: (T0 + 7200) * 1000, till: 'till 2' },
      { token: c2!.token, redeemedAt: T0 + 25 * 3600 },
      { token: base32Encode(forged), redeemedAt: T0 + 60 },
      { token: c6!.token, redeemedAt: T0 + 60 },
    ]);
    const findings = await reconcileCoupons(issued, redemptions, { keys: [a.known] });
    const summary = findings.map((f) => `${f.kind} ${f.couponId ?? f.missing?.join('-')}`).sort();
    const id = (seq: number) => `${a.issuer.kioskId}-${seq}`;
    expect(summary).toEqual([
      `duplicate-redemption ${id(1)}`,
      `invalid-token ${id(3)}`,
      `redeemed-after-expiry ${id(2)}`,
      `redeemed-never-issued ${id(3)}`,
      `redeemed-never-issued ${id(6)}`,
      'seq-gap 4-4',
    ]);
    const duplicate = findings.find((f) => f.kind === 'duplicate-redemption')!;
    expect(duplicate.text.en).toMatch(/redeemed twice: .* @ till 1, again .* @ till 2/);
  });

  it('reports nothing when every redemption matches an issued, unexpired coupon', async () => {
    const a = await kiosk('device-a');
    const c = await signClaim(claim, a.issuer, 1, T0);
    const { issued } = issuedFromRecords([issuedEvent(c)]);
    const { redemptions } = redemptionsFromRecords([{ token: `HTTPS://M.SHOP.CN/c/${c.token}`, redeemedAt: T0 + 60 }]);
    expect(await reconcileCoupons(issued, redemptions, { keys: [a.known] })).toEqual([]);
  });

  it('says which records it could not use', () => {
    expect(issuedFromRecords([{ event: 'Coupon Issued', properties: { coupon_id: 'x' } }, 7]).skipped.map((s) => s.text.en)).toEqual([
      'has no token, nor kiosk_id and kiosk_coupon_seq',
      'not a JSON object',
    ]);
    expect(redemptionsFromRecords([{ token: 'T' }]).skipped[0]!.text.en).toMatch(/redeemedAt/);
  });
});
