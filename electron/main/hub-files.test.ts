import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredCredential } from '../common/hub-agent/agent-stores.ts';
import type { SecretBox } from './coupon-keys.ts';
import { fileCredentialStore, fileJsonStore, HUB_CREDENTIAL_FILE } from './hub-files.ts';

/** A stand-in for the OS key store of one machine: reversible only with that machine's secret. */
function fakeBox(machine = 'machine-a', available = true): SecretBox {
  return {
    isAvailable: async () => available,
    backend: () => 'gnome_libsecret',
    encrypt: async (plain) => Buffer.from(`${machine}:${Buffer.from(plain).reverse().toString('hex')}`),
    decrypt: async (data) => {
      const [who, hex] = data.toString().split(':');
      if (who !== machine) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { plain: Buffer.from(hex!, 'hex').reverse().toString(), reEncrypt: false };
    },
  };
}

const ENROLLED: StoredCredential = {
  kind: 'enrolled',
  hubUrl: 'https://hub.example.com/',
  token: 'kt_secret_credential_123',
  deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab',
  storeId: 'sh-001',
  kioskName: 'Window 1',
  enrolledAt: '2026-11-23T10:00:00.000Z',
};

const dirs: string[] = [];
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-hub-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('hub files', () => {
  it('keep the credential encrypted at rest, readable on the same machine only', async () => {
    const dir = await tempDir();
    const store = fileCredentialStore(dir, fakeBox());
    await store.write(ENROLLED);
    const onDisk = await fs.readFile(path.join(dir, HUB_CREDENTIAL_FILE), 'utf8');
    expect(onDisk).not.toContain('kt_secret');
    expect(((await fs.stat(path.join(dir, HUB_CREDENTIAL_FILE))).mode & 0o777).toString(8)).toBe('600');
    expect(await fileCredentialStore(dir, fakeBox()).read()).toEqual(ENROLLED);
    expect(store.problem()).toBeNull();

    const elsewhere = fileCredentialStore(dir, fakeBox('machine-b'));
    expect(await elsewhere.read()).toBeNull();
    expect(elsewhere.problem()).toMatch(/could not be decrypted.*enrol the kiosk again/);
  });

  it('say so when there is no key store to encrypt with', async () => {
    const dir = await tempDir();
    const store = fileCredentialStore(dir, fakeBox('machine-a', false));
    await store.write(ENROLLED);
    expect(store.problem()).toMatch(/without OS encryption/);
    expect(await store.read()).toEqual(ENROLLED);
  });

  it('forget the token when the credential is revoked, keeping why', async () => {
    const dir = await tempDir();
    const store = fileCredentialStore(dir, fakeBox());
    await store.write(ENROLLED);
    const revoked: StoredCredential = { kind: 'revoked', hubUrl: ENROLLED.hubUrl, storeId: 'sh-001', kioskName: 'Window 1', at: 1, reason: 'revoked in the console' };
    await store.write(revoked);
    expect(await fs.readFile(path.join(dir, HUB_CREDENTIAL_FILE), 'utf8')).not.toMatch(/token|machine-a/);
    expect(await store.read()).toEqual(revoked);
    await store.write(null);
    expect(await store.read()).toBeNull();
  });

  it('keep the command ledger as JSON', async () => {
    const file = path.join(await tempDir(), 'ledger.json');
    const store = fileJsonStore<string[]>(file);
    expect(await store.read()).toBeNull();
    await store.write(['a', 'b']);
    expect(await fileJsonStore<string[]>(file).read()).toEqual(['a', 'b']);
  });
});
