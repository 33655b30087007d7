import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidGtin } from '../schema/gtin.ts';
import { DATA_FILE_SCHEMAS, type PackData } from '../schema/pack-data.ts';
import { DATA_FILES } from '../schema/layout.ts';
import { Manifest } from '../schema/manifest.ts';
import { defaultMedia, resolveMedia, type MediaSource } from '../schema/media-variants.ts';
import { openCatalog } from '../lib/catalog/open-catalog.ts';
import { sha256Bytes } from '../lib/files/hash-file.ts';
import { importPack } from '../lib/import/import-pack.ts';
import { readSigningKey, publicPart } from '../lib/keys/key-files.ts';
import { makeTempDir } from '../lib/testing/temp-dirs.ts';
import { buildDemoPack, type DemoPack } from './build-demo.ts';

const run = promisify(execFile);

/** The picture size of a video file, as ffprobe reads it. */
async function videoSize(file: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'json', file]);
  const [stream] = (JSON.parse(stdout) as { streams: { width: number; height: number }[] }).streams;
  return stream!;
}

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let demo: DemoPack;
let data: PackData;
beforeAll(async () => {
  tmp = await makeTempDir('kiosk-demo-');
  demo = await buildDemoPack(tmp.dir);
  const read = async <K extends keyof PackData>(name: K) => DATA_FILE_SCHEMAS[name].parse(JSON.parse(await readFile(path.join(demo.unpackedDir, DATA_FILES[name]), 'utf8'))) as PackData[K];
  data = { branding: await read('branding'), categories: await read('categories'), promotions: await read('promotions'), campaigns: await read('campaigns'), games: await read('games'), playlists: await read('playlists') };
}, 180_000);
afterAll(() => tmp.remove());

describe('the demo pack (鲜选超市 FreshPick Market)', () => {
  it('is signed with the demo key and passes the kiosk import', async () => {
    expect(demo.rebuilt).toBe(true);
    const key = await readSigningKey(fileURLToPath(new URL('keys/demo-signing-key.DEMO-ONLY.json', import.meta.url)));
    expect(publicPart(key)).toEqual(demo.publicKey);
    expect(key.note).toMatch(/DEMO ONLY/);
    await expect(importPack(demo.kpack, { stagingDir: path.join(tmp.dir, 'again'), trustedKeys: [demo.publicKey], kiosk: { storeId: 'any-store' } })).resolves.toMatchObject({ manifest: { packId: 'freshpick-demo' } });
  });

  it('has 60+ products in about five categories, with Chinese EAN-13 codes and both languages', async () => {
    const catalog = await openCatalog(demo.unpackedDir, { validate: true });
    expect(catalog.index.productCount).toBeGreaterThanOrEqual(60);
    await catalog.loadAll();
    const manifest = Manifest.parse(JSON.parse(await readFile(path.join(demo.unpackedDir, 'manifest.json'), 'utf8')));
    const shards = Object.keys(manifest.files).filter((f) => f.startsWith('catalog/shard-'));
    const products = (await Promise.all(shards.map(async (f) => Object.values(JSON.parse(await readFile(path.join(demo.unpackedDir, f), 'utf8')).products)))).flat() as { gtin: string; name: { en?: string }; category: string; promoPrice?: number; origin?: { steps: unknown[]; farm?: unknown }; related: string[]; description?: unknown }[];
    expect(products.length).toBe(catalog.index.productCount);
    for (const p of products) {
      const ean13 = p.gtin.slice(1);
      expect(p.gtin.startsWith('0'), p.gtin).toBe(true);
      expect(ean13.slice(0, 3) >= '690' && ean13.slice(0, 3) <= '699', ean13).toBe(true);
      expect(isValidGtin(ean13)).toBe(true);
      expect(p.name.en).toBeTruthy();
      expect(p.description).toBeTruthy();
      expect((await catalog.find(ean13))?.gtin).toBe(p.gtin);
    }
    expect(new Set(products.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
    expect(data.categories.length).toBeGreaterThanOrEqual(5);
    expect(products.filter((p) => p.promoPrice !== undefined).length).toBeGreaterThanOrEqual(10);
    expect(products.filter((p) => p.origin?.farm && p.origin.steps.length >= 3).length).toBeGreaterThanOrEqual(20);
    expect(products.filter((p) => p.related.length > 0).length).toBe(products.length);
  });

  it('offers promotions, two coupon campaigns and the three games', () => {
    expect(data.promotions.length).toBeGreaterThanOrEqual(3);
    expect(data.campaigns.map((c) => c.reward)).toEqual([
      expect.objectContaining({ kind: 'amount-off', amount: 1000, minSpend: 5900 }),
      expect.objectContaining({ kind: 'gift' }),
    ]);
    const games = Object.fromEntries(data.games.map((g) => [g.kind, g]));
    expect(games.catch).toMatchObject({ durationSec: 30 });
    expect(games.wheel && games.scratch).toBeTruthy();
    for (const game of data.games) expect(game.theme).toMatchObject({ background: { src: expect.stringMatching(/^media\//) }, icon: expect.stringMatching(/^media\//) });
    const attract = data.playlists.find((p) => p.id === 'attract-day')!;
    expect(attract.items.filter((i) => i.kind === 'image').length).toBeGreaterThanOrEqual(3);
    expect(data.branding.storeName).toEqual({ 'zh-CN': '鲜选超市', en: 'FreshPick Market' });
  });

  it('gives coupons as a store would: a wheel that loses more often than it wins, one coupon a shopper, a cool-down, modest daily caps', () => {
    const wheel = data.games.find((g) => g.kind === 'wheel')!;
    const wheelOdds = data.campaigns.flatMap((c) => c.awards.filter((a) => a.game === wheel.id).map((a) => a.odds)).reduce((a, b) => a + b, 0);
    expect(wheelOdds).toBeGreaterThan(0.1);
    expect(wheelOdds).toBeLessThanOrEqual(0.4);
    for (const c of data.campaigns) {
      expect(c, c.id).toMatchObject({ capPerSession: 1 });
      expect(c.cooldownSec, c.id).toBeGreaterThanOrEqual(60);
      expect(c.dailyCapPerKiosk, c.id).toBeLessThanOrEqual(50);
    }
    // The games list and the coupon never promise what the rules do not give.
    const scratch = data.games.find((g) => g.kind === 'scratch')!;
    expect(scratch.howTo['zh-CN']).not.toMatch(/中奖/);
    expect(scratch.howTo.en).not.toMatch(/wins/);
    for (const c of data.campaigns) expect(JSON.stringify(c.reward.terms ?? {})).not.toMatch(/当日|same day|结账|checkout/);
  });

  it('draws a different picture for every product', async () => {
    const manifest = Manifest.parse(JSON.parse(await readFile(path.join(demo.unpackedDir, 'manifest.json'), 'utf8')));
    const pictures = Object.entries(manifest.files).filter(([f]) => f.startsWith('media/products/'));
    expect(pictures.length).toBeGreaterThanOrEqual(60);
    expect(new Set(pictures.map(([, f]) => f.sha256)).size).toBe(pictures.length);
    const logo = await readFile(path.join(demo.unpackedDir, 'media/brand/logo.png'));
    expect(sha256Bytes(logo)).toBe(manifest.files['media/brand/logo.png']!.sha256);
  });

  it('fills a portrait screen: every slide, the attract video and every game backdrop has a 9:16 variant', async () => {
    const portraitOf = (source: MediaSource) => resolveMedia(source, { locale: 'zh-CN', orientation: 'portrait' });
    const items = data.playlists.flatMap((p) => p.items);
    const media = [...items.map((i) => i.src), ...data.games.map((g) => g.theme.background!)];
    expect(items.some((i) => i.kind === 'video'), 'the demo attract loop has its video (ffmpeg is installed)').toBe(true);
    for (const source of media) {
      const file = portraitOf(source);
      expect(file, JSON.stringify(source)).not.toBe(defaultMedia(source));
      const { width, height } = file.endsWith('.mp4') ? await videoSize(path.join(demo.unpackedDir, file)) : await sharp(path.join(demo.unpackedDir, file)).metadata();
      expect((width ?? 0) / (height ?? 1), file).toBeCloseTo(9 / 16, 2);
    }
  });

  it('does nothing the second time when nothing changed', async () => {
    const started = Date.now();
    const again = await buildDemoPack(tmp.dir);
    expect(again.rebuilt).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
