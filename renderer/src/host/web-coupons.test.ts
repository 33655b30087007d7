import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyCoupon } from '../../../content/schema/coupon/index.ts';
import type { CouponPublicKey } from '../../../electron/common/kiosk-api.ts';
import { createWebCoupons } from './web-coupons.ts';

const identity = async () => ({ deviceId: 'browser-device', storeId: 'demo-store', kioskName: 'Kiosk' });
const claim = { campaignId: 'ten-off', reward: { kind: 'percent-off' as const, value: 15 }, validHours: 72 };
let n = 0;
const dbName = () => `web-coupons-test-${++n}`;

describe('browser-mode coupons', () => {
  it('sign with a key kept in this browser, announced once, and number coupons on across reloads', async () => {
    const name = dbName();
    const announced: CouponPublicKey[] = [];
    const first = createWebCoupons({ identity, dbName: name, onKey: (k) => announced.push(k), now: () => 1_790_000_000_000 });
    const a = await first.issue(claim);
    const b = await first.issue(claim);
    if (!a.ok || !b.ok) throw new Error('not issued');
    expect([a.coupon.seq, b.coupon.seq]).toEqual([1, 2]);
    expect(announced).toHaveLength(1);
    expect(await verifyCoupon(b.coupon.token, announced, { now: 1_790_000_100 })).toMatchObject({ valid: true, fields: { seq: 2, reward: { kind: 'percent-off', value: 15 }, validHours: 72 } });

    const reloaded = createWebCoupons({ identity, dbName: name });
    expect((await reloaded.publicKey())?.keyId).toBe(announced[0]!.keyId);
    const c = await reloaded.issue(claim);
    expect(c.ok && c.coupon.seq).toBe(3);
  });

  it('cannot hand out its private key', async () => {
    const coupons = createWebCoupons({ identity, dbName: dbName() });
    const key = await coupons.publicKey();
    expect(JSON.stringify(key)).not.toMatch(/private/i);
  });

  it('refuses a claim that does not fit a token, saying why', async () => {
    const coupons = createWebCoupons({ identity, dbName: dbName() });
    expect(await coupons.issue({ ...claim, validHours: 0 })).toEqual({ ok: false, message: expect.stringMatching(/validHours/) });
  });
});
