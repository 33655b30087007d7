// The example pack `kiosk-pack init` writes: small, complete and valid, so a
// merchandiser can change it step by step and see each change pass validation.
import { withCheckDigit } from '../../schema/gtin.ts';

const zh = (text: string, en: string) => ({ 'zh-CN': text, en });

const products: { body: string; name: [string, string]; price: string; promo: string; category: string; spec: string; region: string; image: string; colour: string }[] = [
  { body: '690000000101', name: ['红富士苹果', 'Fuji apples'], price: '12.90', promo: '9.90', category: '水果', spec: '约 1kg', region: '山东烟台', image: 'products/apple.png', colour: '#d7263d' },
  { body: '690000000102', name: ['赣南脐橙', 'Gannan navel oranges'], price: '15.80', promo: '', category: '水果', spec: '约 1.5kg', region: '江西赣州', image: 'products/orange.png', colour: '#f49d37' },
  { body: '690000000201', name: ['鲜榨橙汁', 'Fresh orange juice'], price: '8.50', promo: '', category: '饮品', spec: '300ml', region: '', image: 'products/juice.png', colour: '#f7b32b' },
  { body: '690000000202', name: ['纯牛奶', 'Whole milk'], price: '6.00', promo: '5.00', category: '饮品', spec: '250ml', region: '内蒙古', image: 'products/milk.png', colour: '#3f88c5' },
];

export const STARTER_GTINS = products.map((p) => withCheckDigit(p.body));

/** products.csv with Chinese headers, as a merchandiser's sheet would have them. */
export function starterSheet(): string {
  const header = '条码,商品名称,英文名称,价格,促销价,分类,规格,产地,图片,相关商品';
  const rows = products.map((p, i) => [STARTER_GTINS[i], p.name[0], p.name[1], p.price, p.promo, p.category, p.spec, p.region, p.image, STARTER_GTINS[(i + 1) % products.length]].join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

export const starterImages = [
  { file: 'media/logo.png', width: 512, height: 512, background: '#2e7d32', foreground: '#ffffff', label: '我的超市', sublabel: 'My Market' },
  { file: 'media/slides/welcome.png', width: 1920, height: 1080, background: '#2e7d32', foreground: '#ffffff', label: '欢迎光临', sublabel: 'Welcome · 扫码看商品 Scan to see a product' },
  { file: 'media/slides/offer.png', width: 1920, height: 1080, background: '#f49d37', foreground: '#ffffff', label: '满59减10', sublabel: '玩游戏赢优惠券 Play to win a coupon' },
  ...products.map((p) => ({ file: `media/${p.image}`, width: 800, height: 800, background: p.colour, foreground: '#ffffff', label: p.name[0], sublabel: p.name[1] })),
  { file: 'media/games/apple.png', width: 256, height: 256, background: '#d7263d', foreground: '#ffffff', label: '苹果', sublabel: 'apple' },
  { file: 'media/games/orange.png', width: 256, height: 256, background: '#f49d37', foreground: '#ffffff', label: '橙子', sublabel: 'orange' },
  { file: 'media/games/basket.png', width: 384, height: 256, background: '#8d6e63', foreground: '#ffffff', label: '篮子', sublabel: 'basket' },
];

/** A date as the start of that day in China (UTC+8), e.g. 2026-11-23T00:00:00+08:00. */
const dayStart = (date: Date) => `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`;

export function starterFiles(now = new Date()): Record<string, unknown> {
  const inAYear = new Date(now.getTime() + 365 * 24 * 3600_000);
  return {
    'pack.json': {
      packId: 'my-store',
      version: '1.0.0',
      title: zh('我的第一个内容包', 'My first content pack'),
      targets: { stores: [], kiosks: [] },
      schedule: { default: { playlist: 'attract', games: ['catch-fruit'] }, dayparts: [] },
    },
    'data/branding.json': {
      storeName: zh('我的超市', 'My Market'),
      logo: 'media/logo.png',
      callToAction: zh('轻触屏幕或扫一扫商品条码', 'Touch the screen or scan a barcode'),
      colours: { primary: '#2e7d32', accent: '#f49d37', background: '#ffffff', text: '#1b1b1b' },
      currency: 'CNY',
    },
    'data/categories.json': [
      { id: 'fruit', name: zh('水果', 'Fruit') },
      { id: 'drinks', name: zh('饮品', 'Drinks') },
    ],
    'data/promotions.json': [{ id: 'apple-week', title: zh('苹果周', 'Apple week'), badge: zh('特价', 'Offer'), products: [STARTER_GTINS[0]] }],
    'data/campaigns.json': [
      {
        id: 'ten-off-59',
        name: zh('满59减10', '¥10 off ¥59'),
        reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: zh('满59元减10元', '¥10 off when you spend ¥59') },
        validFrom: dayStart(now),
        validTo: dayStart(inAYear),
        couponValidDays: 7,
        dailyCapPerKiosk: 50,
        inventoryPerKiosk: 1000,
        awards: [{ game: 'catch-fruit', minScore: 10, odds: 0.5 }],
      },
    ],
    'data/games.json': [
      {
        id: 'catch-fruit',
        kind: 'catch',
        title: zh('接水果', 'Catch the fruit'),
        howTo: zh('左右移动篮子，接住掉下来的水果', 'Move the basket to catch the falling fruit'),
        durationSec: 30,
        theme: { colours: { primary: '#2e7d32', accent: '#f49d37', background: '#f1f8e9' } },
        goodItems: ['media/games/apple.png', 'media/games/orange.png'],
        basket: 'media/games/basket.png',
      },
    ],
    'data/playlists.json': [
      {
        id: 'attract',
        items: [
          { kind: 'image', src: 'media/slides/welcome.png', durationMs: 6000 },
          { kind: 'image', src: 'media/slides/offer.png', durationMs: 6000 },
        ],
      },
    ],
  };
}

export const STARTER_README = `# 内容包文件夹 / Content pack folder

pack.json            编号、版本、标题、有效期、目标门店、播放日程 / id, version, title, validity, targets, schedule
products.csv         商品表（可用 Excel/WPS 编辑，另存为 CSV UTF-8）/ product sheet (save as CSV UTF-8)
data/*.json          品牌、分类、促销、活动、游戏、播放列表 / branding, categories, promotions, campaigns, games, playlists
media/               图片和视频（文件名用英文、数字、- 和 _）/ pictures and videos (names: letters, digits, - and _)

检查 check:   kiosk-pack validate .
生成 build:   kiosk-pack build . --key <key.json> --out my-store.kpack
`;
