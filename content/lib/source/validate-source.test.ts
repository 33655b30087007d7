import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../report/problem.ts';
import { withCheckDigit } from '../../schema/gtin.ts';
import { SAMPLE_GTINS, sampleProducts, writeSamplePack } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { validateSource } from './validate-source.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir()));
afterEach(() => tmp.remove());

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
const brief = (p: Problem) => `${p.file}${p.record ? `#${p.record}` : ''}${p.row ? `@${p.row}` : ''} ${p.field ?? p.column ?? ''}: ${p.message.en}`;

describe('validating a pack folder', () => {
  it('accepts the sample pack without errors', async () => {
    await writeSamplePack(tmp.dir);
    const result = await validateSource(tmp.dir);
    expect(errors(result.problems).map(brief)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.source.products).toHaveLength(3);
  });

  it('says a folder without pack.json is not a pack folder and how to start one', async () => {
    const result = await validateSource(tmp.dir);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: 'pack.json', fix: { en: expect.stringContaining('kiosk-pack init') } });
  });

  it('finds every broken reference and names the record and field', async () => {
    const products = sampleProducts();
    products[0]!.images = ['media/missing.png'];
    products[0]!.related = [withCheckDigit('0690123456789'), SAMPLE_GTINS.pear];
    products.push({ ...products[1]!, name: { 'zh-CN': '重复' } } as (typeof products)[number]);
    await writeSamplePack(tmp.dir, {
      products,
      meta: { schedule: { default: { playlist: 'nope', games: ['catch-fruit', 'ghost'] } } },
      data: {
        'data/promotions.json': [{ id: 'p', title: { 'zh-CN': '促销' }, products: [withCheckDigit('690123456999')] }],
        'data/campaigns.json': [
          {
            id: 'ten-off',
            name: { 'zh-CN': '减10' },
            reward: { kind: 'gift', title: { 'zh-CN': '礼品' } },
            validFrom: '2025-01-01T00:00:00+08:00',
            validTo: '2099-01-01T00:00:00+08:00',
            couponValidDays: 7,
            dailyCapPerKiosk: 1,
            inventoryPerKiosk: 1,
            awards: [{ game: 'scratch-x', odds: 1 }],
          },
        ],
      },
    });
    const result = await validateSource(tmp.dir);
    const found = errors(result.problems).map(brief);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pack.json schedule.default.playlist: there is no playlist with id "nope"/),
        expect.stringMatching(/^pack.json schedule.default.games\[2\]: there is no game with id "ghost"/),
        expect.stringMatching(/^data\/products.json#4 gtin: the code \d+ appears twice; record 2 of data\/products.json has it too/),
        expect.stringMatching(/^data\/products.json#1 images\[1\]: the file media\/missing.png is not in the pack/),
        expect.stringMatching(/^data\/products.json#1 related\[1\]: there is no product with the code \d+/),
        expect.stringMatching(/^data\/promotions.json#1 products\[1\]: there is no product with the code 6901234569995/),
        expect.stringMatching(/^data\/campaigns.json#1 awards\[1\].game: there is no game with id "scratch-x"/),
      ]),
    );
    for (const p of result.problems) {
      expect(p.message['zh-CN'].length).toBeGreaterThan(0);
      expect(p.fix['zh-CN'].length).toBeGreaterThan(0);
      expect(p.fix.en.length).toBeGreaterThan(0);
    }
  });

  it('checks wheel segments, duplicate ids and clashing codes', async () => {
    const products = sampleProducts();
    products[1]!.codes = ['PLU-4131'];
    await writeSamplePack(tmp.dir, {
      products,
      data: {
        'data/games.json': [
          { id: 'catch-fruit', kind: 'catch', title: { 'zh-CN': '接' }, howTo: { 'zh-CN': '接' }, theme: { colours: { primary: '#000000', accent: '#000000', background: '#ffffff' } }, goodItems: ['media/apple.png'] },
          { id: 'catch-fruit', kind: 'catch', title: { 'zh-CN': '接' }, howTo: { 'zh-CN': '接' }, theme: { colours: { primary: '#000000', accent: '#000000', background: '#ffffff' } }, goodItems: ['media/apple.png'] },
          {
            id: 'lucky-wheel',
            kind: 'wheel',
            title: { 'zh-CN': '转' },
            howTo: { 'zh-CN': '转' },
            theme: { colours: { primary: '#000000', accent: '#000000', background: '#ffffff' } },
            segments: [1, 2, 3, 4].map((i) => ({ label: { 'zh-CN': `${i}` }, colour: '#123456', campaign: i === 1 ? 'no-such' : undefined })),
          },
        ],
      },
    });
    const found = errors((await validateSource(tmp.dir)).problems).map(brief);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^data\/games.json#2 id: id "catch-fruit" is used twice/),
        expect.stringMatching(/^data\/games.json#3 segments\[1\].campaign: there is no campaign with id "no-such"/),
        expect.stringMatching(/^data\/products.json#2 codes\[1\]: code PLU-4131 belongs to both/),
      ]),
    );
  });

  it('checks pictures: real format, size limits, and resizes them only when asked', async () => {
    await writeSamplePack(tmp.dir);
    await writeFile(path.join(tmp.dir, 'media/apple.png'), await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#c81e1e' } }).jpeg().toBuffer());
    await writeFile(path.join(tmp.dir, 'media/milk.png'), await sharp({ create: { width: 3000, height: 100, channels: 3, background: '#ffffff' } }).png().toBuffer());
    await writeFile(path.join(tmp.dir, 'media/unused.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    await writeFile(path.join(tmp.dir, 'media/苹果 照片.png'), 'x');
    const strict = await validateSource(tmp.dir);
    expect(errors(strict.problems).map(brief)).toEqual([
      'media/apple.png : the name ends in .png but the picture inside is jpeg',
      'media/milk.png : the picture is too large: 3000×100 px, 0.0 MB (limits 2560 px, 3.0 MB)',
      'media/unused.svg : the SVG contains scripts or event handlers, which are not allowed for safety',
      'media/苹果 照片.png : the file name has spaces, Chinese or other special characters the kiosk cannot use',
    ]);
    expect(strict.problems.filter((p) => p.severity === 'warning').map(brief)).toContain('media/unused.svg : nothing uses this file; it only makes the pack bigger');

    await rm(path.join(tmp.dir, 'media/unused.svg'));
    await rm(path.join(tmp.dir, 'media/苹果 照片.png'));
    // Words in an SVG depend on the kiosk's own fonts: a warning says how to avoid that.
    await writeFile(path.join(tmp.dir, 'media/label.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="0" y="9">鲜</text></svg>');
    await writeFile(path.join(tmp.dir, 'media/shape.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0h10v10z"/></svg>');
    const svgWarnings = (await validateSource(tmp.dir)).problems.filter((p) => p.severity === 'warning').map(brief);
    expect(svgWarnings).toContain('media/label.svg : the SVG has text in it; the kiosk may have no font for it and show Chinese as boxes');
    expect(svgWarnings.filter((w) => w.startsWith('media/shape.svg')).some((w) => w.includes('text'))).toBe(false);
    await rm(path.join(tmp.dir, 'media/label.svg'));
    await rm(path.join(tmp.dir, 'media/shape.svg'));
    await writeFile(path.join(tmp.dir, 'media/apple.png'), await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c81e1e' } }).png().toBuffer());
    const lenient = await validateSource(tmp.dir, { resize: true });
    expect(lenient.ok).toBe(true);
    expect(lenient.toResize).toEqual(['media/milk.png']);
  });

  it('refuses a pack that has already expired', async () => {
    await writeSamplePack(tmp.dir, { meta: { validTo: '2020-01-01T00:00:00+08:00' } });
    const found = errors((await validateSource(tmp.dir)).problems);
    expect(found).toMatchObject([{ file: 'pack.json', field: 'validTo', message: { en: expect.stringContaining('kiosks will refuse it') } }]);
  });

  it('reads products from products.csv, and refuses a folder that has both a sheet and JSON', async () => {
    await writeSamplePack(tmp.dir, { productsCsv: `条码,名称,价格,分类,图片\n${SAMPLE_GTINS.apple.slice(1)},苹果,12.9,水果,apple.png\n` });
    const fromSheet = await validateSource(tmp.dir);
    expect(errors(fromSheet.problems).map(brief)).toEqual([]);
    expect(fromSheet.source.productsFile).toBe('products.csv');
    await writeFile(path.join(tmp.dir, 'data/products.json'), '[]');
    expect(errors((await validateSource(tmp.dir)).problems).map((p) => p.message.en)).toContain('both products.csv and data/products.json exist; only one may hold the products');
  });
});
