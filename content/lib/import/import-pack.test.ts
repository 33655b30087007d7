import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../files/list-files.ts';
import { makeHostilePacks, type HostileCase } from '../testing/hostile-packs.ts';
import { trustedTestKeys, unzipAll } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { treeListing } from '../testing/tree-hash.ts';
import { PackImportError } from './import-error.ts';
import { importPack } from './import-pack.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: { cases: HostileCase[]; good: string };
beforeAll(async () => {
  tmp = await makeTempDir('kiosk-import-');
  packs = await makeHostilePacks(tmp.dir);
}, 60_000);
afterAll(() => tmp.remove());

describe('importing a pack', () => {
  it('unpacks a good pack into the staging directory, exactly as built', async () => {
    await expect(importPack(packs.good, { stagingDir: path.join(tmp.dir, 'no-such-parent', 'staged'), trustedKeys: await trustedTestKeys() })).rejects.toMatchObject({ code: 'io' });
    await expect(stat(path.join(tmp.dir, 'no-such-parent'))).rejects.toThrow(/ENOENT/);
    await mkdir(path.join(tmp.dir, 'ok'));
    const stagingDir = path.join(tmp.dir, 'ok', 'staged');
    const result = await importPack(packs.good, { stagingDir, trustedKeys: await trustedTestKeys(), kiosk: { storeId: 'store-1', kioskId: 'k1' } });
    expect(result).toMatchObject({ dir: stagingDir, manifest: { packId: 'sample', version: '1.0.0' }, signer: { name: 'test key' } });
    const zipped = await unzipAll(packs.good);
    const { files } = await listFiles(stagingDir);
    expect(files).toEqual([...zipped.keys()].sort());
    for (const file of files) expect(await readFile(path.join(stagingDir, file))).toEqual(zipped.get(file));
  });

  it('uses an existing empty staging directory, and refuses one that holds something (without touching it)', async () => {
    const stagingDir = path.join(tmp.dir, 'full');
    await mkdir(stagingDir);
    await writeFile(path.join(stagingDir, 'keep.txt'), 'mine');
    await expect(importPack(packs.good, { stagingDir, trustedKeys: await trustedTestKeys() })).rejects.toMatchObject({ code: 'io' });
    expect(await readFile(path.join(stagingDir, 'keep.txt'), 'utf8')).toBe('mine');
    const empty = path.join(tmp.dir, 'empty');
    await mkdir(empty);
    await expect(importPack(packs.good, { stagingDir: empty, trustedKeys: await trustedTestKeys() })).resolves.toMatchObject({ dir: empty });
  });
});

describe('refusing hostile and broken packs', () => {
  it('has a case for every required attack', () => {
    const codes = new Set(packs.cases.map((c) => c.code));
    for (const code of ['zip-slip', 'symlink', 'zip-bomb', 'truncated', 'bad-signature', 'unknown-key', 'hash-mismatch', 'unlisted-file', 'schema', 'not-for-this-kiosk', 'expired', 'too-large'] as const) expect(codes).toContain(code);
  });

  it('refuses each with its code, a message in both languages, and writes nothing outside staging', async () => {
    const trustedKeys = await trustedTestKeys();
    for (const hostile of packs.cases) {
      const parent = path.join(tmp.dir, 'hostile', hostile.name.replace(/[^a-z0-9]+/gi, '-'));
      await mkdir(parent, { recursive: true });
      const before = await treeListing(tmp.dir);
      const error = await importPack(hostile.file, { stagingDir: path.join(parent, 'staging'), trustedKeys, ...hostile.options }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, hostile.name).toBeInstanceOf(PackImportError);
      const refusal = error as PackImportError;
      expect(refusal.code, hostile.name).toBe(hostile.code);
      expect(refusal.text['zh-CN'], hostile.name).toMatch(/[\u4e00-\u9fff]/);
      expect(refusal.text.en, hostile.name).toMatch(/[a-z]{3}/);
      expect(refusal.fix.en.length, hostile.name).toBeGreaterThan(10);
      expect(await treeListing(tmp.dir), hostile.name).toEqual(before);
    }
  }, 60_000);

  it('lists the data problems of a pack that breaks the schema, naming file and field', async () => {
    const hostile = packs.cases.find((c) => c.name === 'a record breaks the schema')!;
    const error = (await importPack(hostile.file, { stagingDir: path.join(tmp.dir, 's1'), trustedKeys: await trustedTestKeys() }).catch((e: unknown) => e)) as PackImportError;
    expect(error.problems[0]).toMatchObject({ file: 'data/games.json', record: 1, id: 'catch-fruit', field: 'durationSec' });
    expect(error.message).toContain('data/games.json');
    const references = packs.cases.find((c) => c.name === 'a promotion names a product that does not exist')!;
    const refError = (await importPack(references.file, { stagingDir: path.join(tmp.dir, 's2'), trustedKeys: await trustedTestKeys() }).catch((e: unknown) => e)) as PackImportError;
    expect(refError.problems[0]).toMatchObject({ file: 'data/promotions.json', field: 'products[1]', message: { en: expect.stringContaining('no product with the code') } });
  });

  it('stops a zip bomb without inflating it: the claimed ratio is refused before any byte is written', async () => {
    const bomb = packs.cases.find((c) => c.name === 'zip bomb: 200 MB of zeros')!;
    const started = process.hrtime.bigint();
    await expect(importPack(bomb.file, { stagingDir: path.join(tmp.dir, 'bomb'), trustedKeys: await trustedTestKeys() })).rejects.toMatchObject({ code: 'zip-bomb' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5000);
  });
});
