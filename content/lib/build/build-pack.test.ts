import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_INDEX_FILE, DATA_FILES, MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import { Manifest } from '../../schema/manifest.ts';
import { sha256Bytes } from '../files/hash-file.ts';
import { listFiles } from '../files/list-files.ts';
import { verifyManifestSignature } from '../keys/manifest-signature.ts';
import { trustedTestKeys, testKey, unzipAll, writeSamplePack } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { buildPack } from './build-pack.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir()));
afterEach(() => tmp.remove());
const createdAt = new Date('2026-02-01T08:00:00Z');

describe('building a pack', () => {
  it('writes a signed zip whose manifest lists every other file with its hash and size', async () => {
    const source = path.join(tmp.dir, 'src');
    await writeSamplePack(source);
    const out = path.join(tmp.dir, 'p.kpack');
    const result = await buildPack(source, { out, key: await testKey(), createdAt });
    expect(result.ok).toBe(true);
    const files = await unzipAll(out);
    expect([...files.keys()].slice(0, 2)).toEqual([MANIFEST_FILE, SIGNATURE_FILE]);
    const rest = [...files.keys()].slice(2);
    expect(rest).toEqual([...rest].sort());
    expect(rest).toEqual(expect.arrayContaining([...Object.values(DATA_FILES), CATALOG_INDEX_FILE, 'catalog/shard-0000.json', 'media/apple.png']));
    const manifestBytes = files.get(MANIFEST_FILE)!;
    const manifest = Manifest.parse(JSON.parse(manifestBytes.toString()));
    expect(Object.keys(manifest.files)).toEqual(rest);
    for (const name of rest) expect(manifest.files[name]).toEqual({ sha256: sha256Bytes(files.get(name)!), size: files.get(name)!.length });
    expect(manifest).toMatchObject({ schemaVersion: 1, packId: 'sample', version: '1.0.0', createdAt: '2026-02-01T08:00:00.000Z' });
    const signature = JSON.parse(files.get(SIGNATURE_FILE)!.toString());
    expect(await verifyManifestSignature(manifestBytes, signature, await trustedTestKeys())).toMatchObject({ ok: true });
  });

  it('gives the same bytes for the same inputs', async () => {
    const source = path.join(tmp.dir, 'src');
    await writeSamplePack(source);
    const key = await testKey();
    await buildPack(source, { out: path.join(tmp.dir, 'a.kpack'), key, createdAt });
    await buildPack(source, { out: path.join(tmp.dir, 'b.kpack'), key, createdAt });
    expect(sha256Bytes(await readFile(path.join(tmp.dir, 'a.kpack')))).toBe(sha256Bytes(await readFile(path.join(tmp.dir, 'b.kpack'))));
  });

  it('writes the same files unpacked into a directory', async () => {
    const source = path.join(tmp.dir, 'src');
    await writeSamplePack(source);
    await buildPack(source, { out: path.join(tmp.dir, 'p.kpack'), unpackedDir: path.join(tmp.dir, 'unpacked'), key: await testKey(), createdAt });
    const zipped = await unzipAll(path.join(tmp.dir, 'p.kpack'));
    const { files } = await listFiles(path.join(tmp.dir, 'unpacked'));
    expect(files).toEqual([...zipped.keys()].sort());
    for (const file of files) expect(await readFile(path.join(tmp.dir, 'unpacked', file))).toEqual(zipped.get(file));
  });

  it('writes nothing when the folder has errors', async () => {
    const source = path.join(tmp.dir, 'src');
    await writeSamplePack(source, { meta: { version: '1.0' } });
    const out = path.join(tmp.dir, 'p.kpack');
    const result = await buildPack(source, { out, key: await testKey() });
    expect(result).toMatchObject({ ok: false, problems: [{ file: 'pack.json', field: 'version' }] });
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('shrinks oversized pictures into the pack when asked, leaving the source alone', async () => {
    const source = path.join(tmp.dir, 'src');
    await writeSamplePack(source);
    const big = await sharp({ create: { width: 4000, height: 2000, channels: 3, background: '#208040' } }).png().toBuffer();
    await writeFile(path.join(source, 'media/slide-1.png'), big);
    const out = path.join(tmp.dir, 'p.kpack');
    expect((await buildPack(source, { out, key: await testKey() })).ok).toBe(false);
    expect((await buildPack(source, { out, key: await testKey(), resize: true })).ok).toBe(true);
    const meta = await sharp((await unzipAll(out)).get('media/slide-1.png')!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 2560, 1280]);
    expect(await readFile(path.join(source, 'media/slide-1.png'))).toEqual(big);
  });
});
