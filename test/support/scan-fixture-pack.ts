// A small unpacked pack for the scan tests and benchmarks, written the way the pack
// builder lays one out (content/schema/layout.ts): a few hand-made products to look at
// and, for the latency benchmark, as many generated ones as asked for.
// Usage: npx tsx test/support/scan-fixture-pack.ts <dir> [extra products]
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { withCheckDigit } from '../../content/schema/gtin.ts';
import { DATA_FILES } from '../../content/schema/layout.ts';
import { Product } from '../../content/schema/product.ts';
import { writeUnpackedPack } from './unpacked-pack.ts';

const gtin14 = (body12: string) => withCheckDigit(body12).padStart(14, '0');
const zh = (text: string, en: string) => ({ 'zh-CN': text, en });

/** The products the scan tests look for by name. */
export const FIXTURE = {
  apple: gtin14('692156800101'),
  pear: gtin14('692156800102'),
  milk: gtin14('692156800103'),
  /** A scale-label item: its code is 20 + item 12345 + price + check digit. */
  cheese: gtin14('201234500000'),
  /** A valid EAN-13 that is in no catalog. */
  unknown: gtin14('400638133393'),
} as const;

const handMade = () => [
  {
    gtin: FIXTURE.apple,
    codes: ['PLU-4131'],
    category: 'fruit',
    brand: '鲜选果园',
    name: zh('烟台红富士苹果', 'Yantai Fuji apples'),
    description: zh('脆甜多汁，每颗都经过糖度检测。', 'Crisp and juicy; every apple is checked for sweetness.'),
    unit: zh('袋', 'bag'),
    price: 1290,
    promoPrice: 990,
    images: ['media/apple.png'],
    specs: [{ label: zh('规格', 'Size'), value: zh('约 1.5kg', 'about 1.5 kg') }],
    origin: {
      story: zh('栖霞山区昼夜温差大，苹果挂果 180 天。', 'Big day–night swings in the Qixia hills give the apples 180 days on the tree.'),
      region: zh('山东烟台', 'Yantai, Shandong'),
      certifications: ['绿色食品'],
      steps: [
        { date: '2026-09-20', label: zh('采摘', 'Picked'), place: zh('栖霞', 'Qixia') },
        { date: '2026-09-22', label: zh('入库检测', 'Checked in'), place: zh('烟台冷库', 'Yantai cold store') },
      ],
    },
    related: [FIXTURE.pear, FIXTURE.milk],
  },
  { gtin: FIXTURE.pear, category: 'fruit', name: zh('砀山酥梨', 'Dangshan pears'), price: 890, images: ['media/pear.png'] },
  { gtin: FIXTURE.milk, category: 'dairy', name: zh('鲜牛奶 950ml', 'Fresh milk 950 ml'), price: 1590, images: ['media/milk.png'], related: [FIXTURE.apple] },
  { gtin: FIXTURE.cheese, category: 'dairy', name: zh('称重奶酪', 'Cheese by weight'), price: 1200, unit: zh('100克', '100 g'), images: ['media/milk.png'] },
];

/** The GTIN-14 of generated product `n`. */
export const generatedGtin = (n: number) => gtin14(`69${String(n).padStart(10, '0')}`);

/** A generated product of realistic size (name, price, image, a few specs). */
function generated(n: number) {
  return {
    gtin: generatedGtin(n),
    codes: [`SKU-${n}`],
    category: n % 2 ? 'fruit' : 'dairy',
    brand: `品牌${n % 97}`,
    name: zh(`商品 ${n} 号`, `Product no. ${n}`),
    description: zh('一段足够长的商品描述，让目录的体积接近真实的商品资料。', 'A description long enough to make the catalog about as large as a real one.'),
    price: 100 + (n % 9000),
    images: [n % 2 ? 'media/apple.png' : 'media/milk.png'],
    specs: [
      { label: zh('规格', 'Size'), value: zh(`${n % 1000} 克`, `${n % 1000} g`) },
      { label: zh('保质期', 'Shelf life'), value: zh('12 个月', '12 months') },
    ],
  };
}

const png = (r: number, g: number, b: number) => sharp({ create: { width: 256, height: 256, channels: 3, background: { r, g, b } } }).png().toBuffer();

export interface FixturePackOptions {
  /** Generated products on top of the hand-made ones. */
  extraProducts?: number;
}

/** Writes an unpacked pack to `dir` (replacing it). */
export async function writeScanFixturePack(dir: string, options: FixturePackOptions = {}): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const files = new Map<string, Buffer>();
  const json = (file: string, value: unknown) => files.set(file, Buffer.from(JSON.stringify(value)));

  json(DATA_FILES.branding, {
    storeName: zh('扫码测试超市', 'Scan Test Market'),
    colours: { primary: '#1b7f3b', accent: '#ff8a00', background: '#fbfaf5', text: '#1f2a1f' },
    currency: 'CNY',
    productUrlTemplate: 'https://shop.example.com/p/{gtin}?from=kiosk',
  });
  json(DATA_FILES.categories, [
    { id: 'fruit', name: zh('水果', 'Fruit') },
    { id: 'dairy', name: zh('乳品', 'Dairy') },
  ]);
  json(DATA_FILES.promotions, [{ id: 'apple-week', title: zh('苹果周 第二袋半价', 'Apple week: second bag half price'), badge: zh('半价', 'Half price'), products: [FIXTURE.apple] }]);
  json(DATA_FILES.campaigns, []);
  json(DATA_FILES.games, []);
  json(DATA_FILES.playlists, [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide.png', durationMs: 60_000 }] }]);
  files.set('media/apple.png', await png(200, 40, 40));
  files.set('media/pear.png', await png(220, 200, 60));
  files.set('media/milk.png', await png(240, 240, 250));
  files.set('media/slide.png', await png(30, 110, 60));

  const products = [...handMade(), ...Array.from({ length: options.extraProducts ?? 0 }, (_, n) => generated(n))].map((p) => Product.parse(p));
  await writeUnpackedPack(dir, { packId: 'scan-fixture', title: zh('扫码测试内容包', 'Scan test pack'), files, products });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, extra] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx test/support/scan-fixture-pack.ts <dir> [extra products]');
  await writeScanFixturePack(path.resolve(dir), { extraProducts: Number(extra ?? 0) });
  console.log(`wrote ${dir}`);
}
