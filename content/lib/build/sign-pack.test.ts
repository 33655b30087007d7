import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import { importPack } from '../import/import-pack.ts';
import { createSigningKey, publicPart } from '../keys/key-files.ts';
import { readdir, writeFile } from 'node:fs/promises';
import { deflatedEntry, rawZip } from '../testing/raw-zip.ts';
import { buildSampleKpack, signedEntries, unzipAll } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { signPackFile } from './sign-pack.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir()));
afterEach(() => tmp.remove());

describe('signing a built pack', () => {
  it('re-signs with another key, keeping the manifest byte for byte', async () => {
    const { kpack } = await buildSampleKpack(tmp.dir);
    const production = await createSigningKey('production');
    const out = path.join(tmp.dir, 'signed.kpack');
    await signPackFile(kpack, production, out);
    const before = await unzipAll(kpack);
    const after = await unzipAll(out);
    expect(after.get(MANIFEST_FILE)).toEqual(before.get(MANIFEST_FILE));
    expect(after.get(SIGNATURE_FILE)).not.toEqual(before.get(SIGNATURE_FILE));
    const imported = await importPack(out, { stagingDir: path.join(tmp.dir, 'staged'), trustedKeys: [publicPart(production)] });
    expect(imported.signer.name).toBe('production');
  });

  it('refuses to sign a pack whose files no longer match its manifest', async () => {
    const { kpack, key } = await buildSampleKpack(tmp.dir);
    const files = await unzipAll(kpack);
    const entries = await signedEntries(files, key);
    const edited = Buffer.from(files.get('data/branding.json')!.toString().replace('示例超市', '别家超市'));
    const changed = path.join(tmp.dir, 'changed.kpack');
    await writeFile(changed, rawZip(entries.map((e) => (e.name === 'data/branding.json' ? deflatedEntry(e.name, edited) : e))));
    await expect(signPackFile(changed, key, path.join(tmp.dir, 'out.kpack'))).rejects.toThrow(/changed[\s\S]*data\/branding.json/);

    const corrupt = path.join(tmp.dir, 'corrupt.kpack');
    await writeFile(corrupt, rawZip(entries.map((e) => (e.name === 'data/branding.json' ? { ...e, data: Buffer.from(e.data).fill(0xff, 0, 4) } : e))));
    await expect(signPackFile(corrupt, key, path.join(tmp.dir, 'out.kpack'))).rejects.toThrow();
    expect((await readdir(tmp.dir)).filter((f) => f.includes('out.kpack'))).toEqual([]);
  });
});
