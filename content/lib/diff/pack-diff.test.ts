import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../schema/campaign.ts';
import type { Manifest } from '../../schema/manifest.ts';
import type { PackData } from '../../schema/pack-data.ts';
import type { Product } from '../../schema/product.ts';
import { importPack } from '../import/import-pack.ts';
import { buildSampleKpack, SAMPLE_GTINS, sampleProducts, trustedTestKeys } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { diffPacks, isEmptyDiff, type PackSnapshot } from './pack-diff.ts';
import { readPackSnapshot } from './pack-snapshot.ts';

const zh = (text: string, en?: string) => (en ? { 'zh-CN': text, en } : { 'zh-CN': text });
const hash = (c: string) => c.repeat(64);

function product(gtin: string, name: string, price: number, over: Partial<Product> = {}): Product {
  return { gtin, codes: [], category: 'fruit', name: zh(name), price, images: [], specs: [], related: [], ...over };
}

function campaign(id: string, over: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: zh('满59减10', '¥10 off ¥59'),
    reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: zh('满59减10') },
    validFrom: '2026-01-01T00:00:00+08:00',
    validTo: '2026-12-31T23:59:59+08:00',
    windows: [],
    couponValidDays: 7,
    dailyCapPerKiosk: 50,
    inventoryPerKiosk: 1000,
    capPerSession: 1,
    cooldownSec: 60,
    awards: [
      { game: 'catch-fruit', minScore: 10, odds: 0.5 },
      { game: 'lucky-wheel', odds: 1 },
    ],
    ...over,
  };
}

function snapshot(over: { manifest?: Partial<Manifest>; data?: Partial<PackData>; products?: Product[] } = {}): PackSnapshot {
  const manifest: Manifest = {
    schemaVersion: 1,
    packId: 'spring',
    version: '1.0.0',
    title: zh('春季内容包', 'Spring pack'),
    createdAt: '2026-01-01T00:00:00.000Z',
    targets: { stores: [], kiosks: [] },
    schedule: {
      default: { playlist: 'attract', games: ['catch-fruit', 'lucky-wheel'] },
      dayparts: [{ name: '早餐 Breakfast', days: [1, 2, 3, 4, 5], from: '07:00', to: '10:00', playlist: 'morning', games: ['catch-fruit'] }],
    },
    files: {
      'data/campaigns.json': { sha256: hash('1'), size: 100 },
      'media/apple.png': { sha256: hash('a'), size: 10 },
      'media/milk.png': { sha256: hash('b'), size: 20 },
      'media/slide-1.png': { sha256: hash('c'), size: 30 },
    },
    ...over.manifest,
  };
  const data: PackData = {
    branding: { storeName: zh('示例超市', 'Sample Market'), colours: { primary: '#e60012', accent: '#ffb300', background: '#ffffff', text: '#222222' }, currency: 'CNY' },
    categories: [{ id: 'fruit', name: zh('水果', 'Fruit') }],
    promotions: [{ id: 'apple-week', title: zh('苹果周', 'Apple week'), products: ['06901234560014'] }],
    campaigns: [campaign('ten-off')],
    games: [],
    playlists: [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide-1.png', durationMs: 6000 }] }],
    ...over.data,
  };
  const products = over.products ?? [product('06901234560014', '苹果', 1290, { promoPrice: 990 }), product('06901234560021', '梨', 890), product('06901234560038', '牛奶', 1590)];
  return { manifest, data, products: new Map(products.map((p) => [p.gtin, p])) };
}

describe('the pack diff', () => {
  it('finds nothing between a pack and itself', () => {
    const diff = diffPacks(snapshot(), snapshot());
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.products.counts).toEqual({ before: 3, after: 3, added: 0, removed: 0, priceChanged: 0, edited: 0 });
  });

  it('lists products added, removed and repriced, with the price before and after', () => {
    const before = snapshot();
    const after = snapshot({
      products: [product('06901234560014', '苹果', 1290), product('06901234560021', '梨', 990), product('06901234560045', '酸奶', 690)],
    });
    const { products } = diffPacks(before, after);
    expect(products.added).toEqual([{ gtin: '06901234560045', name: zh('酸奶'), price: 690, promoPrice: null }]);
    expect(products.removed).toEqual([{ gtin: '06901234560038', name: zh('牛奶'), price: 1590, promoPrice: null }]);
    expect(products.priceChanged).toEqual([
      { gtin: '06901234560014', name: zh('苹果'), before: { price: 1290, promoPrice: 990 }, after: { price: 1290, promoPrice: null } },
      { gtin: '06901234560021', name: zh('梨'), before: { price: 890, promoPrice: null }, after: { price: 990, promoPrice: null } },
    ]);
    expect(products.edited).toEqual([]);
  });

  it('says which other fields of a product changed, without calling it a price change', () => {
    const after = snapshot({ products: [product('06901234560014', '红富士苹果', 1290, { promoPrice: 990, images: ['media/apple.png'] }), product('06901234560021', '梨', 890), product('06901234560038', '牛奶', 1590)] });
    const { products } = diffPacks(snapshot(), after);
    expect(products.priceChanged).toEqual([]);
    expect(products.edited).toEqual([{ gtin: '06901234560014', name: zh('红富士苹果'), fields: ['name', 'images'] }]);
  });

  it('cuts long product lists at the limit and keeps the counts exact', () => {
    const many = (n: number, price: number) => Array.from({ length: n }, (_, i) => product(`0690${String(i).padStart(10, '0')}`, `商品${i}`, price));
    const diff = diffPacks(snapshot({ products: many(1200, 100) }), snapshot({ products: many(1200, 200) }), { listLimit: 50 });
    expect(diff.products.priceChanged).toHaveLength(50);
    expect(diff.products.counts.priceChanged).toBe(1200);
    expect(diff.listLimit).toBe(50);
  });

  it('shows odds per game, caps and validity of a campaign that changed', () => {
    const after = snapshot({
      data: {
        campaigns: [
          campaign('ten-off', {
            dailyCapPerKiosk: 80,
            validTo: '2027-01-31T23:59:59+08:00',
            awards: [
              { game: 'catch-fruit', minScore: 15, odds: 0.25 },
              { game: 'scratch-card', odds: 0.1 },
            ],
          }),
          campaign('gift', { name: zh('赠品') }),
        ],
      },
    });
    const { campaigns } = diffPacks(snapshot(), after);
    expect(campaigns.added).toEqual([{ id: 'gift', name: zh('赠品') }]);
    expect(campaigns.removed).toEqual([]);
    expect(campaigns.changed).toHaveLength(1);
    const [changed] = campaigns.changed;
    expect(changed!.odds).toEqual([
      { game: 'catch-fruit', before: 0.5, after: 0.25 },
      { game: 'lucky-wheel', before: 1, after: null },
      { game: 'scratch-card', before: null, after: 0.1 },
    ]);
    expect(changed!.changes).toEqual([
      { field: 'validTo', before: '2026-12-31T23:59:59+08:00', after: '2027-01-31T23:59:59+08:00' },
      { field: 'dailyCapPerKiosk', before: 50, after: 80 },
      { field: 'awards.catch-fruit.minScore', before: 10, after: 15 },
    ]);
  });

  it('reports a changed reward by its field, and a renamed campaign by its new name', () => {
    const after = snapshot({ data: { campaigns: [campaign('ten-off', { name: zh('满59减15'), reward: { kind: 'amount-off', amount: 1500, minSpend: 5900, title: zh('满59减15') } })] } });
    const [changed] = diffPacks(snapshot(), after).campaigns.changed;
    expect(changed!.name).toEqual(zh('满59减15'));
    expect(changed!.odds).toEqual([]);
    expect(changed!.changes.map((c) => c.field)).toEqual(['name', 'reward.amount', 'reward.title']);
  });

  it('tells media added, removed, replaced and renamed apart by file hash', () => {
    const after = snapshot({
      manifest: {
        files: {
          'data/campaigns.json': { sha256: hash('2'), size: 100 },
          'media/apple.png': { sha256: hash('d'), size: 11 },
          'media/products/milk.png': { sha256: hash('b'), size: 20 },
          'media/video/attract.mp4': { sha256: hash('e'), size: 5000 },
        },
      },
    });
    const { media } = diffPacks(snapshot(), after);
    expect(media.replaced).toEqual([{ path: 'media/apple.png', before: { path: 'media/apple.png', sha256: hash('a'), size: 10 }, after: { path: 'media/apple.png', sha256: hash('d'), size: 11 } }]);
    expect(media.renamed).toEqual([{ from: 'media/milk.png', to: 'media/products/milk.png', sha256: hash('b'), size: 20 }]);
    expect(media.added).toEqual([{ path: 'media/video/attract.mp4', sha256: hash('e'), size: 5000 }]);
    expect(media.removed).toEqual([{ path: 'media/slide-1.png', sha256: hash('c'), size: 30 }]);
    expect(media.counts).toEqual({ added: 1, removed: 1, replaced: 1, renamed: 1 });
  });

  it('compares the schedule: the default, and dayparts by name', () => {
    const after = snapshot({
      manifest: {
        schedule: {
          default: { playlist: 'attract', games: ['lucky-wheel'] },
          dayparts: [
            { name: '早餐 Breakfast', days: [1, 2, 3, 4, 5, 6, 7], from: '07:00', to: '09:30', playlist: 'morning', games: ['catch-fruit'] },
            { days: [5, 6], from: '17:00', to: '21:00', playlist: 'evening', games: [] },
          ],
        },
      },
    });
    const { schedule } = diffPacks(snapshot(), after);
    expect(schedule.default).toEqual([{ field: 'games', before: ['catch-fruit', 'lucky-wheel'], after: ['lucky-wheel'] }]);
    expect(schedule.dayparts.changed).toEqual([
      {
        key: '早餐 Breakfast',
        changes: [
          { field: 'days', before: [1, 2, 3, 4, 5], after: [1, 2, 3, 4, 5, 6, 7] },
          { field: 'to', before: '10:00', after: '09:30' },
        ],
      },
    ]);
    expect(schedule.dayparts.added).toEqual([{ key: '5,6 17:00–21:00', name: null, days: [5, 6], from: '17:00', to: '21:00', playlist: 'evening', games: [] }]);
    expect(schedule.dayparts.removed).toEqual([]);
  });

  it('lists changes to the pack itself, promotions, playlists and branding', () => {
    const after = snapshot({
      manifest: { version: '1.1.0', validTo: '2026-06-30T23:59:59+08:00', targets: { stores: ['sh-001'], kiosks: [] } },
      data: {
        promotions: [{ id: 'pear-week', title: zh('梨周'), products: [] }],
        playlists: [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide-1.png', durationMs: 8000 }] }],
        branding: { storeName: zh('示例超市', 'Sample Market'), colours: { primary: '#0050b3', accent: '#ffb300', background: '#ffffff', text: '#222222' }, currency: 'CNY' },
      },
    });
    const diff = diffPacks(snapshot(), after);
    expect(diff.pack).toEqual([
      { field: 'version', before: '1.0.0', after: '1.1.0' },
      { field: 'targets.stores', before: [], after: ['sh-001'] },
      { field: 'validTo', before: undefined, after: '2026-06-30T23:59:59+08:00' },
    ]);
    expect(diff.promotions).toEqual({ added: [{ id: 'pear-week', name: zh('梨周') }], removed: [{ id: 'apple-week', name: zh('苹果周', 'Apple week') }], changed: [] });
    expect(diff.playlists.changed).toEqual([{ id: 'attract', name: null, changes: [{ field: 'items', before: [{ kind: 'image', src: 'media/slide-1.png', durationMs: 6000 }], after: [{ kind: 'image', src: 'media/slide-1.png', durationMs: 8000 }] }] }]);
    expect(diff.branding).toEqual([{ field: 'colours.primary', before: '#e60012', after: '#0050b3' }]);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe('the pack diff over two packs as the hub keeps them (unpacked and checked)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('pack-diff-');
  });
  afterAll(() => temp.remove());

  async function unpacked(name: string, options: Parameters<typeof buildSampleKpack>[1]): Promise<string> {
    const dir = path.join(temp.dir, name);
    const { kpack } = await buildSampleKpack(dir, options);
    const imported = await importPack(kpack, { stagingDir: path.join(dir, 'staging'), trustedKeys: await trustedTestKeys(), now: new Date('2026-03-01T00:00:00Z') });
    return imported.dir;
  }

  it('reads both folders and finds the one price that changed, and nothing else but the version', async () => {
    const before = await unpacked('v1', {});
    const products = sampleProducts().map((p) => (p.gtin === SAMPLE_GTINS.milk ? { ...p, price: 1690 } : p));
    const after = await unpacked('v2', { products, meta: { version: '1.0.1' } });
    const diff = diffPacks(await readPackSnapshot(before), await readPackSnapshot(after));
    expect(diff.products.priceChanged).toEqual([{ gtin: SAMPLE_GTINS.milk, name: zh('鲜牛奶', 'Fresh milk'), before: { price: 1590, promoPrice: null }, after: { price: 1690, promoPrice: null } }]);
    expect(diff.products.counts).toMatchObject({ before: 3, after: 3, added: 0, removed: 0, priceChanged: 1, edited: 0 });
    expect(diff.pack).toEqual([{ field: 'version', before: '1.0.0', after: '1.0.1' }]);
    expect(diff.media.counts).toEqual({ added: 0, removed: 0, replaced: 0, renamed: 0 });
    expect(diff.campaigns).toEqual({ added: [], removed: [], changed: [] });
  });
});
