// The CLI as a merchandiser runs it: real processes, real files, exit codes and output.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../lib/testing/temp-dirs.ts';
import { STARTER_GTINS } from './starter/starter-pack.ts';

const BIN = fileURLToPath(new URL('./kiosk-pack.mjs', import.meta.url));
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => (tmp = await makeTempDir('kiosk-cli-')));
afterAll(() => tmp.remove());

async function kioskPack(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: tmp.dir, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const at = (...parts: string[]) => path.join(tmp.dir, ...parts);

describe('kiosk-pack', { timeout: 60_000 }, () => {
  it('init → validate → keygen → build → verify → inspect, the whole round', async () => {
    const init = await kioskPack('init', 'shop');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created the pack folder shop');

    const validate = await kioskPack('validate', 'shop');
    expect(validate).toMatchObject({ code: 0 });
    expect(validate.stdout).toContain('✓ 检查通过：4 个商品');

    const keygen = await kioskPack('keygen', '--out', 'key.json', '--name', 'Shop key');
    expect(keygen.code).toBe(0);
    const publicKey = JSON.parse(keygen.stdout) as { name: string; keyId: string; publicKey: string };
    expect(publicKey).toMatchObject({ name: 'Shop key', keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(keygen.stderr).toContain('packs.trustedKeys');
    await writeFile(at('pub.json'), keygen.stdout);
    expect((await kioskPack('keygen', '--out', 'key.json')).code).toBe(1);

    const build = await kioskPack('build', 'shop', '--key', 'key.json', '--out', 'shop.kpack');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`signed with key ${publicKey.keyId}`);

    const verify = await kioskPack('verify', 'shop.kpack', '--trusted', 'pub.json', '--store', 'store-1');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('✓ The pack is valid: my-store 1.0.0, signed by Shop key');

    const inspect = await kioskPack('inspect', 'shop.kpack');
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toMatch(/products\s+4/);
    expect(inspect.stdout).toContain(`key ${publicKey.keyId}`);
  });

  it('lists every problem of a broken folder in both languages and exits 1', async () => {
    await kioskPack('init', 'broken');
    const sheet = await readFile(at('broken', 'products.csv'), 'utf8');
    await writeFile(at('broken', 'products.csv'), sheet.replaceAll(STARTER_GTINS[1]!, `${STARTER_GTINS[1]!.slice(0, -1)}${(Number(STARTER_GTINS[1]!.at(-1)) + 1) % 10}`).replace('15.80', '十五块八'));
    const result = await kioskPack('validate', 'broken');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('products.csv 第 3 行 （');
    expect(result.stdout).toContain('列「条码」');
    expect(result.stdout).toContain(`should be ${STARTER_GTINS[1]!.at(-1)}`);
    expect(result.stdout).toMatch(/products\.csv, row 3, \(\d+\), column "价格"/);
    expect(result.stdout).toMatch(/products\.csv, row 2, \(\d+\), column "相关商品"/);
    expect(result.stdout).toContain('How to fix:');
    expect((await kioskPack('build', 'broken', '--key', 'key.json', '--out', 'broken.kpack')).code).toBe(1);
  });

  it('imports a product sheet into data/products.json', async () => {
    await kioskPack('init', 'imported');
    const sheet = await readFile(at('imported', 'products.csv'));
    await writeFile(at('sheet.csv'), sheet);
    expect((await kioskPack('import-products', 'sheet.csv', 'imported')).code).toBe(1);
    await import('node:fs/promises').then((fs) => fs.rm(at('imported', 'products.csv')));
    const result = await kioskPack('import-products', 'sheet.csv', 'imported');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported 4 products into data/products.json');
    const products = JSON.parse(await readFile(at('imported', 'data', 'products.json'), 'utf8')) as { gtin: string; price: number }[];
    expect(products.map((p) => p.gtin)).toEqual(STARTER_GTINS.map((g) => g.padStart(14, '0')));
    expect(products[0]!.price).toBe(1290);
    expect((await kioskPack('validate', 'imported')).code).toBe(0);
  });

  it('refuses a pack signed by an untrusted key, then accepts it once signed with the trusted one', async () => {
    await kioskPack('keygen', '--out', 'other.json');
    const other = await kioskPack('keygen', '--out', 'other2.json');
    await writeFile(at('other-pub.json'), other.stdout);
    const refused = await kioskPack('verify', 'shop.kpack', '--trusted', 'other-pub.json');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('[unknown-key]');
    expect(refused.stdout).toMatch(/不在这台互动屏的信任列表里[\s\S]*does not trust/);
    expect((await kioskPack('sign', 'shop.kpack', '--key', 'other2.json', '--out', 'resigned.kpack')).code).toBe(0);
    expect((await kioskPack('verify', 'resigned.kpack', '--trusted', 'other-pub.json')).code).toBe(0);
  });

  it('writes the pack format as JSON Schema files an editor can use', async () => {
    const result = await kioskPack('schema', '--out', 'schemas');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('wrote 9 JSON Schemas');
    const products = JSON.parse(await readFile(at('schemas', 'products.schema.json'), 'utf8'));
    expect(products.items.required).toEqual(expect.arrayContaining(['gtin', 'name', 'price', 'category']));
  });

  it('explains wrong usage and exits 2', async () => {
    const none = await kioskPack();
    expect(none.code).toBe(2);
    const missing = await kioskPack('build', 'shop', '--out', 'x.kpack');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--key is required');
    expect((await kioskPack('frobnicate')).code).toBe(2);
  });
});
