// A pack made for an older version of the format imports on newer software: it is
// verified as it was signed, then carried forward, and the kiosk stores the current
// format (with the signed manifest kept for audit).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Bytes } from '../files/hash-file.ts';
import { rawZip } from '../testing/raw-zip.ts';
import { buildSampleKpack, signedEntries, testKey, trustedTestKeys, unzipAll } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { PackImportError } from './import-error.ts';
import { importPack } from './import-pack.ts';
import { SIGNED_MANIFEST_FILE } from './migrate-staged.ts';

// An imagined earlier format (version 0) in which branding called the store name "storeTitle".
const v0ToV1 = {
  from: 0,
  to: 1,
  describe: 'branding: storeTitle becomes storeName',
  files: {
    branding: (value: unknown) => {
      const { storeTitle, ...rest } = value as Record<string, unknown>;
      return { ...rest, storeName: storeTitle };
    },
  },
};

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let oldPack: string;
let signedBytes: Buffer;

beforeAll(async () => {
  temp = await makeTempDir('kiosk-migrate-');
  const { kpack } = await buildSampleKpack(path.join(temp.dir, 'src'));
  const files = await unzipAll(kpack);
  const branding = JSON.parse(files.get('data/branding.json')!.toString()) as Record<string, unknown>;
  const { storeName, ...rest } = branding;
  files.set('data/branding.json', Buffer.from(JSON.stringify({ ...rest, storeTitle: storeName })));
  const entries = await signedEntries(files, await testKey(), (m) => void (m.schemaVersion = 0));
  oldPack = path.join(temp.dir, 'old-format.kpack');
  await writeFile(oldPack, rawZip(entries));
  signedBytes = (await unzipAll(oldPack)).get('manifest.json')!;
}, 120_000);
afterAll(() => temp.remove());

describe('importing a pack of an older format', () => {
  it('carries it forward: the kiosk stores current-format data, listed by a manifest that matches it', async () => {
    const stagingDir = path.join(temp.dir, 'staged-ok');
    const pack = await importPack(oldPack, { stagingDir, trustedKeys: await trustedTestKeys(), migrations: [v0ToV1] });
    expect(pack.manifest.schemaVersion).toBe(1);
    const branding = JSON.parse(await readFile(path.join(stagingDir, 'data/branding.json'), 'utf8'));
    expect(branding.storeName).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    expect(branding.storeTitle).toBeUndefined();
    const manifest = JSON.parse(await readFile(path.join(stagingDir, 'manifest.json'), 'utf8'));
    expect(manifest.files['data/branding.json'].sha256).toBe(sha256Bytes(await readFile(path.join(stagingDir, 'data/branding.json'))));
    expect(await readFile(path.join(stagingDir, SIGNED_MANIFEST_FILE))).toEqual(signedBytes);
  });

  it('refuses it, saying why, when no step leads from its version to the current one', async () => {
    const error = await importPack(oldPack, { stagingDir: path.join(temp.dir, 'staged-refused'), trustedKeys: await trustedTestKeys(), migrations: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackImportError);
    expect((error as PackImportError).code).toBe('schema');
    expect((error as PackImportError).message).toContain('no migration from schema version 0 to 1');
  });
});
