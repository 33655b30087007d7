import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, expiresAtOf, PAYLOAD_BYTES, type CouponFields } from './coupon-payload.ts';

const fields: CouponFields = {
  version: 1,
  keyTag: '0badc0de',
  kioskId: '12345678',
  campaignTag: 'cafebabe',
  seq: 4_000_000_001,
  issuedAt: 1_790_000_000,
  validHours: 7 * 24,
  reward: { kind: 'amount-off', value: 1000 },
  nonce: 'ffee0011',
};

describe('coupon payload', () => {
  it('packs every field into 31 bytes and reads them back', () => {
    const bytes = encodePayload(fields);
    expect(bytes.length).toBe(PAYLOAD_BYTES);
    expect(decodePayload(bytes)).toEqual({ ok: true, fields });
  });

  it('keeps each reward kind and its value', () => {
    for (const reward of [{ kind: 'gift', value: 0 }, { kind: 'percent-off', value: 15 }, { kind: 'amount-off', value: 0xffffff }] as const) {
      const decoded = decodePayload(encodePayload({ ...fields, reward }));
      expect(decoded.ok && decoded.fields.reward).toEqual(reward);
    }
  });

  it('computes the expiry from the issue time and validity', () => {
    expect(expiresAtOf(fields)).toBe(1_790_000_000 + 168 * 3600);
  });

  it('refuses fields that do not fit, saying which', () => {
    expect(() => encodePayload({ ...fields, seq: 0 })).toThrow(/seq/);
    expect(() => encodePayload({ ...fields, reward: { kind: 'percent-off', value: 100 } })).toThrow(/percent/);
    expect(() => encodePayload({ ...fields, reward: { kind: 'amount-off', value: 2 ** 24 } })).toThrow(/reward value/);
    expect(() => encodePayload({ ...fields, kioskId: 'XYZ' })).toThrow(/kioskId/);
    expect(() => encodePayload({ ...fields, validHours: 70_000 })).toThrow(/validHours/);
  });

  it('says when a token is from a newer version or cut short', () => {
    const bytes = encodePayload(fields);
    const newer = bytes.slice();
    newer[0] = 2;
    expect(decodePayload(newer)).toMatchObject({ ok: false, reason: 'unsupported-version' });
    expect(decodePayload(bytes.subarray(0, 20))).toMatchObject({ ok: false, reason: 'malformed' });
    const badKind = bytes.slice();
    badKind[23] = 9;
    expect(decodePayload(badKind)).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringMatching(/reward kind/) });
  });
});
