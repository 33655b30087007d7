import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { createSigningKey, protectSigningKey, publicPart, readSigningKey, readTrustedKeys } from './key-files.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir()));
afterEach(() => tmp.remove());

describe('key files', () => {
  it('reads back a signing key and refuses one whose halves do not belong together', async () => {
    const key = await createSigningKey('Main store');
    const other = await createSigningKey('Other');
    const file = path.join(tmp.dir, 'key.json');
    await writeFile(file, JSON.stringify(key));
    expect(await readSigningKey(file)).toEqual(key);
    await writeFile(file, JSON.stringify({ ...key, publicKey: other.publicKey, keyId: other.keyId }));
    await expect(readSigningKey(file)).rejects.toThrow(/私钥与公钥不匹配[\s\S]*do not match/);
  });

  it('reads trusted keys from a key, a list, a kiosk config or a signing key file', async () => {
    const a = await createSigningKey('a');
    const b = await createSigningKey('b');
    const cases = [publicPart(a), [publicPart(a), publicPart(b)], { packs: { trustedKeys: [publicPart(b)] } }, a];
    const expected = [[publicPart(a)], [publicPart(a), publicPart(b)], [publicPart(b)], [publicPart(a)]];
    for (const [i, content] of cases.entries()) {
      const file = path.join(tmp.dir, `pub-${i}.json`);
      await writeFile(file, JSON.stringify(content));
      expect(await readTrustedKeys(file)).toEqual(expected[i]);
    }
  });

  it('says clearly when a public key file is missing or malformed', async () => {
    await expect(readTrustedKeys(path.join(tmp.dir, 'none.json'))).rejects.toThrow(/找不到[\s\S]*cannot read/);
    const file = path.join(tmp.dir, 'bad.json');
    await writeFile(file, '{"name": "x"}');
    await expect(readTrustedKeys(file)).rejects.toThrow(/keygen/);
  });

  it('keeps the private key under a passphrase (scrypt + AES-256-GCM) and opens it only with that passphrase', { timeout: 60_000 }, async () => {
    const key = await createSigningKey('Main store');
    const locked = await protectSigningKey(key, '正确 horse battery');
    const text = JSON.stringify(locked);
    expect(text).not.toContain(key.privateKey);
    expect(locked.encryptedPrivateKey).toMatchObject({ kdf: 'scrypt', N: 2 ** 17, cipher: 'aes-256-gcm' });
    const file = path.join(tmp.dir, 'locked.json');
    await writeFile(file, text);

    let asked = 0;
    const passphrase = (value: string) => async () => (asked++, value);
    expect(await readSigningKey(file, { passphrase: passphrase('正确 horse battery') })).toEqual({ ...key, note: locked.note });
    await expect(readSigningKey(file, { passphrase: passphrase('正确 horse batterY') })).rejects.toThrow(/密码不对[\s\S]*wrong passphrase: the signing key .*locked\.json cannot be opened/);
    await expect(readSigningKey(file)).rejects.toThrow(/is protected by a passphrase[\s\S]*KIOSK_PACK_PASSPHRASE/);
    expect(asked).toBe(2);
    // A plain key is never asked for one; its public half is trusted from the locked file too.
    const plain = path.join(tmp.dir, 'plain.json');
    await writeFile(plain, JSON.stringify(key));
    await readSigningKey(plain, { passphrase: passphrase('x') });
    expect(asked).toBe(2);
    expect(await readTrustedKeys(file)).toEqual([publicPart(key)]);
  });

  it('refuses a locked private half moved into another key file, a too short passphrase and a cost meant to exhaust memory', { timeout: 60_000 }, async () => {
    const key = await createSigningKey('a');
    const other = await createSigningKey('b');
    const lockedA = await protectSigningKey(key, 'passphrase one');
    const lockedB = await protectSigningKey(other, 'passphrase one');
    const file = path.join(tmp.dir, 'swapped.json');
    await writeFile(file, JSON.stringify({ ...lockedB, encryptedPrivateKey: lockedA.encryptedPrivateKey }));
    await expect(readSigningKey(file, { passphrase: async () => 'passphrase one' })).rejects.toThrow(/cannot be opened/);
    await expect(protectSigningKey(key, '短密码')).rejects.toThrow(/at least 8 characters/);
    await writeFile(file, JSON.stringify({ ...lockedA, encryptedPrivateKey: { ...lockedA.encryptedPrivateKey, N: 2 ** 30 } }));
    await expect(readSigningKey(file, { passphrase: async () => 'passphrase one' })).rejects.toThrow(/this is not a signing key file/);
  });
});
