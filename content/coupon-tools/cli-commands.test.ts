import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, couponKeyId, kioskIdOf, signClaim, toBase64, webCryptoSigner, type WebCryptoKey, type SignedCoupon } from '../schema/coupon/index.ts';
import { runKioskCoupon } from './cli-commands.ts';

const T0 = Date.parse('2026-11-20T02:00:00Z') / 1000;
let dir: string;
let keysFile: string;
let coupon: SignedCoupon;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-coupon-cli-'));
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const keyId = await couponKeyId(raw);
  const kioskId = await kioskIdOf('device-a');
  coupon = await signClaim({ campaignId: 'ten-off', reward: { kind: 'amount-off', value: 1000 }, validHours: 24 }, { signer: webCryptoSigner(keyId, pair.privateKey), kioskId }, 42, T0);
  keysFile = path.join(dir, 'coupon-public-key.json');
  await fs.writeFile(keysFile, JSON.stringify({ kind: 'kiosk-coupon-key', keyId, publicKey: toBase64(raw), kioskId, deviceId: 'device-a', storeId: 'sh-001', kioskName: 'Window 1', createdAt: '2026-11-01T00:00:00Z' }));
  await fs.writeFile(path.join(dir, 'campaigns.json'), JSON.stringify([{ id: 'ten-off', name: { 'zh-CN': '满59减10', en: '¥10 off' } }]));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKioskCoupon(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => T0 + 600 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kiosk-coupon', () => {
  it('verify: shows a valid coupon with its campaign, reward, kiosk and expiry', async () => {
    const r = await run('verify', coupon.token, '--keys', keysFile, '--campaigns', path.join(dir, 'campaigns.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('✔ 有效 VALID');
    expect(r.out).toContain(`${coupon.kioskId}-42`);
    expect(r.out).toContain('ten-off (满59减10)');
    expect(r.out).toContain('立减 10.00 元 / 10.00 off');
    expect(r.out).toContain('Window 1 · sh-001');
    expect(r.out).toContain('2026-11-21T02:00:00.000Z');
  });

  it('verify: explains a tampered, an expired and an unreadable token, and exits 1', async () => {
    const bytes = base32Decode(coupon.token)!;
    bytes[26]! ^= 0x10;
    const tampered = await run('verify', base32Encode(bytes), '--keys', keysFile);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain('签名不符：券码被改动过，或是伪造的');
    expect(tampered.out).toContain('the token was altered or forged');

    const expired = await run('verify', coupon.token, '--keys', keysFile, '--at', '2026-11-22T00:00:00Z');
    expect(expired.code).toBe(1);
    expect(expired.out).toMatch(/优惠券已过期[\s\S]*expired at 2026-11-21T02:00:00/);

    const junk = await run('verify', 'HELLO', '--keys', keysFile, '--json');
    expect(JSON.parse(junk.out)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('says how to use it when the keys or the command are missing', async () => {
    expect(await run('verify', coupon.token)).toMatchObject({ code: 2, err: expect.stringMatching(/--keys/) });
    expect(await run('frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command: frobnicate[\s\S]*Usage/) });
    expect(await run('verify', coupon.token, '--keys', path.join(dir, 'nope.json'))).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read the file/) });
  });

  it('reconcile: lists what it found and exits 1', async () => {
    const issued = path.join(dir, 'issued.jsonl');
    const redeemed = path.join(dir, 'redeemed.json');
    await fs.writeFile(issued, `${JSON.stringify({ event: 'Coupon Issued', properties: { token: coupon.token } })}\n`);
    await fs.writeFile(redeemed, JSON.stringify([{ token: coupon.token, redeemedAt: '2026-11-20T03:00:00Z' }, { token: coupon.token, redeemedAt: '2026-11-20T04:00:00Z' }]));
    const r = await run('reconcile', '--issued', issued, '--redeemed', redeemed, '--keys', keysFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('签发 issued: 1 · 核销 redeemed: 2 · 问题 findings: 1');
    expect(r.out).toContain('[duplicate-redemption]');
  });

  it('runs as a command through its bin shim', async () => {
    const bin = path.join(import.meta.dirname, '..', 'cli', 'kiosk-coupon.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'verify', coupon.token, '--keys', keysFile, '--at', '2026-11-20T03:00:00Z']);
    expect(stdout).toContain('✔ 有效 VALID');
  }, 30_000);
});
