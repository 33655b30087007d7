import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { createSigningKey, publicPart, readSigningKey, readTrustedKeys } from './key-files.ts';

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
});
