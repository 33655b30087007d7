import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyCoupon } from '../../content/schema/coupon/index.ts';
import { HOST_API } from '../common/kiosk-api.ts';
import { COUPON_KEY_FILE, COUPON_PUBLIC_KEY_FILE, openCouponIssuer, type SecretBox } from './coupon-keys.ts';
import { createHostHandlers, type HostContext } from './host-handlers.ts';
import { registerHostHandlers, type IpcInvokeEvent } from './ipc.ts';

/** A stand-in for the OS key store: reversible, but not the plain text, and tied to one "machine secret". */
function fakeBox(secret = 'machine-a', available = true, backend = 'gnome_libsecret'): SecretBox & { calls: string[] } {
  const calls: string[] = [];
  const mask = (text: string) => Buffer.from([...Buffer.from(text)].map((b, i) => b ^ secret.charCodeAt(i % secret.length)));
  return {
    calls,
    isAvailable: async () => available,
    backend: () => backend,
    encrypt: async (plain) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from(`${secret}:`), mask(plain)]);
    },
    decrypt: async (data) => {
      const text = data.toString('latin1');
      if (!text.startsWith(`${secret}:`)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { plain: mask(data.subarray(secret.length + 1).toString('latin1')).toString(), reEncrypt: false };
    },
  };
}

const identity = { deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab', storeId: 'sh-001', kioskName: 'Window 1' };
const claim = { campaignId: 'ten-off', reward: { kind: 'amount-off' as const, value: 1000 }, validHours: 168 };
const dirs: string[] = [];
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-coupon-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

const readKeyFile = async (dir: string) => JSON.parse(await fs.readFile(path.join(dir, COUPON_KEY_FILE), 'utf8'));

describe('coupon key', () => {
  it('is made on first start, kept encrypted, and signs coupons that verify against the exported public key', async () => {
    const dir = await tempDir();
    const box = fakeBox();
    const { issuer, problems } = await openCouponIssuer({ dir, box, identity, now: () => Date.parse('2026-11-20T10:00:00Z') });
    expect(problems).toEqual([]);
    const stored = await readKeyFile(dir);
    expect(stored.privateKey.protection).toBe('safeStorage');
    expect(JSON.stringify(stored)).not.toMatch(/pkcs8/);
    const published = JSON.parse(await fs.readFile(path.join(dir, COUPON_PUBLIC_KEY_FILE), 'utf8'));
    expect(published).toEqual(issuer.publicKey());
    expect(published).toMatchObject({ kind: 'kiosk-coupon-key', deviceId: identity.deviceId, storeId: 'sh-001', keyId: stored.keyId });
    expect(JSON.stringify(published)).not.toMatch(/privateKey/);

    const result = await issuer.issue(claim);
    if (!result.ok) throw new Error(result.message);
    expect(result.coupon).toMatchObject({ seq: 1, couponId: `${published.kioskId}-1`, issuedAt: Date.parse('2026-11-20T10:00:00Z') / 1000 });
    const verdict = await verifyCoupon(result.coupon.token, [published], { now: result.coupon.issuedAt + 10 });
    expect(verdict).toMatchObject({ valid: true, fields: { seq: 1, reward: claim.reward, validHours: 168 } });
  });

  it('keeps the same key across restarts and numbers coupons on without gaps or repeats', async () => {
    const dir = await tempDir();
    const first = (await openCouponIssuer({ dir, box: fakeBox(), identity })).issuer;
    const seqs = [];
    for (let i = 0; i < 2; i++) {
      const r = await first.issue(claim);
      if (r.ok) seqs.push(r.coupon.seq);
    }
    const second = (await openCouponIssuer({ dir, box: fakeBox(), identity })).issuer;
    expect(second.publicKey().keyId).toBe(first.publicKey().keyId);
    const parallel = await Promise.all([second.issue(claim), second.issue(claim), second.issue(claim)]);
    for (const r of parallel) if (r.ok) seqs.push(r.coupon.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect((await readKeyFile(dir)).lastSeq).toBe(5);
  });

  it('stores the key unprotected when there is no key store, says so, and encrypts it once there is one', async () => {
    const dir = await tempDir();
    const plain = await openCouponIssuer({ dir, box: fakeBox('machine-a', false), identity });
    expect(plain.problems.join()).toMatch(/without OS encryption/);
    expect((await readKeyFile(dir)).privateKey.protection).toBe('none');

    const later = await openCouponIssuer({ dir, box: fakeBox('machine-a', true), identity });
    expect(later.problems).toEqual([]);
    expect(later.issuer.publicKey().keyId).toBe(plain.issuer.publicKey().keyId);
    expect((await readKeyFile(dir)).privateKey.protection).toBe('safeStorage');
  });

  it('warns when the Linux key store is only Chromium\'s built-in password', async () => {
    const { problems } = await openCouponIssuer({ dir: await tempDir(), box: fakeBox('m', true, 'basic_text'), identity });
    expect(problems.join()).toMatch(/gnome-keyring or KWallet/);
  });

  it('replaces a key this machine cannot decrypt, keeps the old file, and continues the numbering', async () => {
    const dir = await tempDir();
    const old = (await openCouponIssuer({ dir, box: fakeBox('machine-a'), identity })).issuer;
    await old.issue(claim);
    await old.issue(claim);

    const moved = await openCouponIssuer({ dir, box: fakeBox('machine-b'), identity });
    expect(moved.problems.join()).toMatch(/could not be read on this machine and was replaced.*register the new coupon public key/);
    expect(moved.issuer.publicKey().keyId).not.toBe(old.publicKey().keyId);
    const next = await moved.issuer.issue(claim);
    expect(next.ok && next.coupon.seq).toBe(3);
    expect((await fs.readdir(dir)).some((f) => f.startsWith('coupon-key.unreadable-'))).toBe(true);
  });

  it('refuses a claim it cannot sign, saying why, without using a number', async () => {
    const dir = await tempDir();
    const { issuer } = await openCouponIssuer({ dir, box: fakeBox(), identity });
    expect(await issuer.issue({ ...claim, reward: { kind: 'percent-off', value: 150 } })).toEqual({ ok: false, message: expect.stringMatching(/percent off must be 1–99/) });
    expect(await issuer.issue({ ...claim, campaignId: '../x' })).toMatchObject({ ok: false, message: expect.stringMatching(/campaignId/) });
    const ok = await issuer.issue(claim);
    expect(ok.ok && ok.coupon.seq).toBe(1);
  });
});

describe('coupons over IPC', () => {
  it('signs for the kiosk window a claim of the right shape, and refuses anything else before signing', async () => {
    const dir = await tempDir();
    const { issuer } = await openCouponIssuer({ dir, box: fakeBox(), identity });
    const listeners = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
    const kioskFrame = { url: 'app://kiosk/index.html' };
    registerHostHandlers(
      { handle: (c, l) => void listeners.set(c, l), removeHandler: (c) => void listeners.delete(c) },
      createHostHandlers({ coupons: issuer, couponGuard: { admit: async () => null } } as unknown as HostContext),
      () => kioskFrame,
      () => undefined,
    );
    const call = (channel: string, ...args: unknown[]) => Promise.resolve(listeners.get(channel)!({ senderFrame: kioskFrame }, ...args));

    const issued = (await call(HOST_API.coupons.issue.channel, claim)) as { ok: boolean; coupon: { token: string } };
    expect(issued.ok).toBe(true);
    const key = await call(HOST_API.coupons.publicKey.channel);
    expect(await verifyCoupon(issued.coupon.token, [key as never])).toMatchObject({ valid: true });

    await expect(call(HOST_API.coupons.issue.channel, { ...claim, extra: 'x' })).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.coupons.issue.channel, { ...claim, reward: { kind: 'cash', value: 5 } })).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.coupons.issue.channel, claim, claim)).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.coupons.publicKey.channel, 'x')).rejects.toThrow(/bad arguments/);
    // Nothing refused took a number.
    expect((await readKeyFile(dir)).lastSeq).toBe(1);
  });
});
