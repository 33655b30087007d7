// The README's merchandiser block, run line by line exactly as written — by a shell, in
// an empty folder, against the bundled tool a merchandiser installs (not the sources) —
// and what a merchandiser sees after each line: files made, a verified pack, exit codes.
// The only things put in place first are the ones the README asks of the merchandiser:
// their product sheet (商品表.csv), the passphrase, and the hub's address and token.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackRow } from '../schema/hub-api/console/packs.ts';
import { uploadPackRoute } from '../schema/hub-api/console/packs.ts';
import { TrustedKey } from '../schema/kiosk-config.ts';
import { makeTempDir } from '../lib/testing/temp-dirs.ts';
import { bundledKioskPack, CLEAN_ENV, runProgram, type Ran } from './testing/cli-bundle.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const MARK = '<!-- readme-merchandiser-block';

/** The command lines of the README's merchandiser block (the ```sh fence after the marker). */
export function merchandiserBlock(readme: string): string[] {
  const at = readme.indexOf(MARK);
  if (at < 0) throw new Error(`README.md has no ${MARK} marker`);
  const fence = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!fence) throw new Error('no ```sh block after the marker');
  return fence[1]!.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** The merchandiser's own sheet: Chinese headers, an EAN-13, a UPC-A (12 digits) and a price with decimals. */
const SHEET = '\uFEFF条码,商品名称,英文名称,价格,分类\r\n6901234567892,有机大米,Organic rice,59.90,水果\r\n6920202888883,矿泉水,Mineral water,2.00,饮品\r\n012345678905,花生酱,Peanut butter,25.50,水果\r\n';
const PASSPHRASE = '长城 long wall 2026';
const TOKEN = 'pt_readmeTest0_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** A stand-in for the hub's upload route: keeps what it was sent and answers as the contract says. */
interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  sha256: string;
  bytes: number;
}

async function standInHub(dir: string): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const file = path.join(dir, `upload-${received.length}.kpack`);
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    void pipeline(req, createWriteStream(file)).then(() => {
      const sha256 = hash.digest('hex');
      received.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], sha256, bytes });
      const pack = PackRow.parse({
        id: 'pk_1', packId: 'my-store', version: '1.0.0', title: { zh: '我的第一个内容包', en: 'My first content pack' }, bytes, sha256,
        signedBy: 'store signing key', keyId: '0123456789abcdef', uploadedAt: Date.now(), uploadedBy: 'user:mei (token readmeTest0)', productCount: 3,
        validFrom: null, validTo: null, targets: { stores: [], kiosks: [] }, published: false,
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(uploadPackRoute.responses[200].parse({ ok: true, pack, alreadyUploaded: false })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let work: string;
let bin: string;
let hub: Awaited<ReturnType<typeof standInHub>>;

beforeAll(async () => {
  tmp = await makeTempDir('kiosk-readme-');
  const kioskPack = await bundledKioskPack(path.join(tmp.dir, 'package'));
  // As `npm install -g` puts it on the PATH: an executable named kiosk-pack.
  bin = path.join(tmp.dir, 'bin');
  await mkdir(bin);
  await chmod(kioskPack, 0o755);
  await symlink(kioskPack, path.join(bin, 'kiosk-pack'));
  work = path.join(tmp.dir, 'merchandiser');
  await mkdir(work);
  await writeFile(path.join(work, '商品表.csv'), SHEET);
  hub = await standInHub(tmp.dir);
}, 180_000);

afterAll(async () => {
  await hub?.close();
  await tmp?.remove();
});

const at = (...parts: string[]) => path.join(work, ...parts);
const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(at(file), 'utf8'));

/** What each command of the block must have done, checked right after its line ran. */
const OUTCOMES: Record<string, (ran: Ran) => Promise<void>> = {
  init: async (ran) => {
    expect(ran.stdout).toContain('✓ Created the pack folder my-store');
    expect((await stat(at('my-store', 'pack.json'))).isFile()).toBe(true);
  },
  'import-products': async (ran) => {
    expect(ran.stdout).toContain('✓ Imported 3 products into data/products.json');
    const products = (await readJson('my-store/data/products.json')) as { gtin: string; price: number }[];
    // Codes as the sheet holds them; prices in fen.
    expect(products.map((p) => [p.gtin, p.price])).toEqual([
      ['6901234567892', 5990],
      ['6920202888883', 200],
      ['012345678905', 2550],
    ]);
  },
  validate: async (ran) => {
    expect(ran.stdout).toContain('✓ All checks passed: 3 products');
    expect(ran.stdout).not.toMatch(/ERROR/);
  },
  keygen: async (ran) => {
    const key = (await readJson('signing-key.json')) as Record<string, unknown>;
    expect(key).toHaveProperty('encryptedPrivateKey');
    expect(key).not.toHaveProperty('privateKey');
    expect(JSON.stringify(key)).not.toContain(PASSPHRASE);
    const publicKey = TrustedKey.parse(await readJson('public-key.json'));
    expect(JSON.parse(ran.stdout)).toEqual(publicKey);
    expect(ran.stderr).toContain('packs.trustedKeys');
  },
  build: async (ran) => {
    const { keyId } = TrustedKey.parse(await readJson('public-key.json'));
    expect(ran.stdout).toContain('✓ Built my-store 1.0.0');
    expect(ran.stdout).toContain(`signed with key ${keyId}`);
    expect((await stat(at('my-store.kpack'))).size).toBeGreaterThan(10_000);
  },
  verify: async (ran) => {
    expect(ran.stdout).toContain('✓ The pack is valid: my-store 1.0.0, signed by store signing key');
  },
  inspect: async (ran) => {
    expect(ran.stdout).toMatch(/products\s+3/);
    expect(ran.stdout).toContain('signature    Ed25519');
  },
  publish: async (ran) => {
    const kpack = await readFile(at('my-store.kpack'));
    expect(hub.received).toEqual([
      { method: 'POST', path: '/api/packs', authorization: `Bearer ${TOKEN}`, contentType: 'application/octet-stream', sha256: createHash('sha256').update(kpack).digest('hex'), bytes: kpack.length },
    ]);
    expect(ran.stdout).toContain('✓ The hub accepted and checked my-store 1.0.0');
  },
};

describe("the README's merchandiser block", () => {
  it('runs as written, line by line, against the installed tool', { timeout: 300_000 }, async () => {
    const lines = merchandiserBlock(await readFile(README, 'utf8'));
    const commands = lines.map((line) => /^kiosk-pack ([a-z-]+)/.exec(line)?.[1]);
    // Every line is a kiosk-pack command whose outcome this test knows.
    expect(commands.every((c) => c !== undefined && c in OUTCOMES), lines.join('\n')).toBe(true);
    expect(commands).toEqual(expect.arrayContaining(['init', 'import-products', 'keygen', 'build', 'verify', 'publish']));

    const env = { ...CLEAN_ENV, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, KIOSK_PACK_PASSPHRASE: PASSPHRASE, KIOSK_PACK_HUB: hub.url, KIOSK_PACK_TOKEN: TOKEN };
    for (const [i, line] of lines.entries()) {
      const ran = await runProgram('/bin/sh', ['-c', line], { cwd: work, env });
      expect(ran.code, `${line}\n${ran.stdout}\n${ran.stderr}`).toBe(0);
      await OUTCOMES[commands[i]!]!(ran);
    }
  });

  it('asks for the passphrase it was given: a wrong one is refused clearly and nothing is written', { timeout: 120_000 }, async () => {
    const env = { ...CLEAN_ENV, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, KIOSK_PACK_PASSPHRASE: 'not the passphrase' };
    const ran = await runProgram('/bin/sh', ['-c', 'kiosk-pack build my-store --key signing-key.json --out other.kpack'], { cwd: work, env });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('✗ 密码不对，打不开签名密钥 signing-key.json\nwrong passphrase: the signing key signing-key.json cannot be opened');
    await expect(stat(at('other.kpack'))).rejects.toThrow();
  });
});
