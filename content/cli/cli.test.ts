// The CLI as a merchandiser runs it: the bundle, real processes, real files, exit codes
// and output.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../lib/testing/temp-dirs.ts';
import { STARTER_GTINS } from './starter/starter-pack.ts';
import { bundledKioskPack, CLEAN_ENV, runProgram, type Ran } from './testing/cli-bundle.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let bin: string;
beforeAll(async () => {
  tmp = await makeTempDir('kiosk-cli-');
  bin = await bundledKioskPack(path.join(tmp.dir, 'package'));
}, 180_000);
afterAll(() => tmp.remove());

function kioskPack(...args: string[]): Promise<Ran> {
  return runProgram(process.execPath, [bin, ...args], { cwd: tmp.dir, env: { ...CLEAN_ENV } });
}
const withEnv = (env: Record<string, string>, ...args: string[]) => runProgram(process.execPath, [bin, ...args], { cwd: tmp.dir, env: { ...CLEAN_ENV, ...env } });

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

  it('imports a product sheet into data/products.json, in place of the example sheet but never of one the merchandiser changed', async () => {
    await kioskPack('init', 'imported');
    const sheet = await readFile(at('imported', 'products.csv'), 'utf8');
    await writeFile(at('sheet.csv'), sheet);
    await writeFile(at('imported', 'products.csv'), sheet.replace('12.90', '13.90'));
    const refused = await kioskPack('import-products', 'sheet.csv', 'imported');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('imported already has its own products.csv');
    expect(await readFile(at('imported', 'products.csv'), 'utf8')).toContain('13.90');
    await rm(at('imported', 'products.csv'));
    const result = await kioskPack('import-products', 'sheet.csv', 'imported');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported 4 products into data/products.json');
    const products = JSON.parse(await readFile(at('imported', 'data', 'products.json'), 'utf8')) as { gtin: string; price: number }[];
    expect(products.map((p) => p.gtin)).toEqual(STARTER_GTINS);
    expect(products[0]!.price).toBe(1290);
    expect((await kioskPack('validate', 'imported')).code).toBe(0);

    // Straight after init: the untouched example sheet makes way.
    await kioskPack('init', 'fresh');
    const fresh = await kioskPack('import-products', 'sheet.csv', 'fresh');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('the example sheet products.csv was removed');
    await expect(stat(at('fresh', 'products.csv'))).rejects.toThrow();
  });

  it('refuses a pack signed by an untrusted key, then accepts it once signed with the trusted one', async () => {
    // public-key.json is the first key's: a second key in the same folder says so, and writes nothing.
    const clash = await kioskPack('keygen', '--out', 'other.json');
    expect(clash.code).toBe(1);
    expect(clash.stdout).toContain('public-key.json already exists');
    await expect(stat(at('other.json'))).rejects.toThrow();
    const other = await kioskPack('keygen', '--out', 'other2.json', '--public', 'other-pub.json');
    expect(JSON.parse(await readFile(at('other-pub.json'), 'utf8'))).toEqual(JSON.parse(other.stdout));
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
    expect(none.stderr).toContain('Usage: kiosk-pack [options] [command]');
    const missing = await kioskPack('build', 'shop', '--out', 'x.kpack');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--key is required');
    const unknown = await kioskPack('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('✗ 不认识的命令 frobnicate\nunknown command frobnicate');
  });

  it('has --help on every command and --version, and refuses an unknown option with the usage of that command', async () => {
    const manifest = JSON.parse(await readFile(new URL('./package/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await kioskPack('--version')).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    const commands = ['init', 'import-products', 'validate', 'build', 'keygen', 'sign', 'verify', 'inspect', 'publish', 'schema'];
    const top = await kioskPack('--help');
    expect(top.code).toBe(0);
    for (const command of commands) {
      expect(top.stdout).toContain(`  ${command} `);
      const help = await kioskPack(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: kiosk-pack ${command} [options]`);
      // One language per line: a Chinese line, then its English line.
      expect(help.stdout).toMatch(/选项\nOptions:/);
      expect(help.stdout).toMatch(/显示这条帮助\n\s+show this help/);
    }
    expect((await kioskPack('help', 'verify')).stdout).toContain('--trusted <public-key.json>');

    const unknown = await kioskPack('build', 'shop', '--kee', 'key.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^✗ 不认识的选项 --kee（是不是要用 --key？）\nunknown option --kee \(did you mean --key\?\)\n/);
    expect(unknown.stderr).toContain('Usage: kiosk-pack build [options] <pack-folder>');
    expect(unknown.stdout).toBe('');
  });

  it('protects a key with a passphrase: asked for when there is no terminal, refused when wrong, kept out of the file', async () => {
    const noTerminal = await kioskPack('keygen', '--out', 'locked.json', '--public', 'locked-pub.json', '--passphrase');
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stdout).toContain('the signing key needs its passphrase, but there is no terminal to type it in');
    expect(noTerminal.stdout).toContain('KIOSK_PACK_PASSPHRASE');
    await expect(stat(at('locked.json'))).rejects.toThrow();

    const short = await withEnv({ KIOSK_PACK_PASSPHRASE: 'short' }, 'keygen', '--out', 'locked.json', '--public', 'locked-pub.json', '--passphrase');
    expect(short.code).toBe(1);
    expect(short.stdout).toContain('the passphrase is too short: at least 8 characters');

    const made = await withEnv({ KIOSK_PACK_PASSPHRASE: '春眠不觉晓 spring' }, 'keygen', '--out', 'locked.json', '--public', 'locked-pub.json', '--passphrase');
    expect(made.code).toBe(0);
    const file = await readFile(at('locked.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ encryptedPrivateKey: { kdf: 'scrypt', cipher: 'aes-256-gcm' } });
    expect(file).not.toContain('privateKey"');

    const unasked = await kioskPack('sign', 'shop.kpack', '--key', 'locked.json', '--out', 'locked.kpack');
    expect(unasked.code).toBe(1);
    expect(unasked.stdout).toContain('no terminal to type it in');
    const wrong = await withEnv({ KIOSK_PACK_PASSPHRASE: '春眠不觉晓 summer' }, 'sign', 'shop.kpack', '--key', 'locked.json', '--out', 'locked.kpack');
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('✗ 密码不对，打不开签名密钥 locked.json\nwrong passphrase: the signing key locked.json cannot be opened');
    await expect(stat(at('locked.kpack'))).rejects.toThrow();
    const signed = await withEnv({ KIOSK_PACK_PASSPHRASE: '春眠不觉晓 spring' }, 'sign', 'shop.kpack', '--key', 'locked.json', '--out', 'locked.kpack');
    expect(signed.code).toBe(0);
    expect((await kioskPack('verify', 'locked.kpack', '--trusted', 'locked-pub.json')).code).toBe(0);
    // The public half of a protected key file is trusted as well.
    expect((await kioskPack('verify', 'locked.kpack', '--trusted', 'locked.json')).code).toBe(0);
  });

  it('says a deeply nested JSON file is too deeply nested (file and depth) instead of crashing', async () => {
    await kioskPack('init', 'deep');
    await writeFile(at('deep', 'data', 'games.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const result = await kioskPack('validate', 'deep');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ ERROR  data/games.json');
    expect(result.stdout).toContain('the JSON is too deeply nested: 100000 levels of brackets (at most 64)');
    expect(result.stderr).not.toMatch(/RangeError|stack/i);
  });

  it('speaks of prices, codes and settings in words a merchandiser uses, a line in each language', async () => {
    await kioskPack('init', 'words');
    const sheet = await readFile(at('words', 'products.csv'), 'utf8');
    // A decimal comma in the sheet, an EAN-13 whose check digit is off by one.
    const bad = `${STARTER_GTINS[2]!.slice(0, -1)}${(Number(STARTER_GTINS[2]!.at(-1)) + 1) % 10}`;
    await writeFile(at('words', 'products.csv'), sheet.replace('15.80', '"15,80"').replaceAll(STARTER_GTINS[2]!, bad));
    const branding = JSON.parse(await readFile(at('words', 'data', 'branding.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(at('words', 'data', 'branding.json'), JSON.stringify({ ...branding, colours: 'green' }));
    const result = await kioskPack('validate', 'words');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  价格 "15,80" 用逗号表示小数\n  the price "15,80" uses a comma for the decimals\n  → 怎么改：小数请用小数点：15.80\n  → How to fix: use a dot for the decimals: 15.80');
    // The code as the sheet holds it (13 digits), never the pack's 14-digit key.
    expect(result.stdout).toContain(`the last digit (check digit) of ${bad} is wrong: from the other digits it should be ${STARTER_GTINS[2]!.at(-1)}`);
    expect(result.stdout).not.toContain(`0${bad}`);
    expect(result.stdout).toContain('should be a group of settings holding "primary", "accent", "background", "text", found text "green"');
    expect(result.stdout).not.toMatch(/对象 \{|an object \{|\{ … \}/);
    // No line mixes the languages: a line with Chinese has no English sentence on it.
    for (const line of result.stdout.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l))) expect(line, line).not.toMatch(/ \/ [A-Za-z]/);
  });
});
