// A small unpacked pack for the games' end-to-end tests and benchmarks: one game of
// each kind with prizes that are certain (odds 1), so every run ends with a coupon to
// read, and a wheel whose campaign is given out for today. Written to a temporary
// folder; the layout is content/schema/layout.ts's.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_INDEX_FILE, catalogShardFile, DATA_FILES, MANIFEST_FILE } from '../../content/schema/layout.ts';

const zh = (text: string, en: string) => ({ 'zh-CN': text, en });
const circle = (fill: string, extra = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160"><circle cx="80" cy="84" r="66" fill="${fill}"/>${extra}</svg>`;

const MEDIA: Record<string, string> = {
  'media/apple.svg': circle('#d62828', '<rect x="74" y="6" width="10" height="26" rx="4" fill="#5b3a1a"/><ellipse cx="104" cy="22" rx="22" ry="10" fill="#2d9d3a"/>'),
  'media/orange.svg': circle('#f77f00', '<circle cx="80" cy="30" r="8" fill="#2d9d3a"/>'),
  'media/bug.svg': circle('#333333', '<circle cx="56" cy="70" r="12" fill="#fff"/><circle cx="104" cy="70" r="12" fill="#fff"/>'),
  'media/star.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160"><polygon points="80,8 100,60 156,60 110,94 128,150 80,116 32,150 50,94 4,60 60,60" fill="#ffb300"/></svg>',
  'media/clover.svg': circle('#2d9d3a', '<circle cx="80" cy="84" r="24" fill="#ffffff"/>'),
  'media/cherry.svg': circle('#c2185b', '<circle cx="80" cy="84" r="30" fill="#ff80ab"/>'),
  'media/background.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" width="540" height="960" viewBox="0 0 540 960"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#bde0fe"/><stop offset="1" stop-color="#eaf6e3"/></linearGradient></defs><rect width="540" height="960" fill="url(#g)"/></svg>',
  'media/attract.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="540" height="960"><rect width="540" height="960" fill="#1b7f3b"/></svg>',
};

const theme = (primary: string) => ({ colours: { primary, accent: '#ffb300', background: '#fff8e1' } });

export const FIXTURE_GAMES = { catch: 'catch-e2e', wheel: 'wheel-e2e', scratch: 'scratch-e2e', soldOut: 'wheel-sold-out' } as const;
export const CLAIM_URL_TEMPLATE = 'https://m.freshpick.example.cn/c/{token}';

const campaign = (id: string, over: Record<string, unknown>) => ({
  id,
  name: zh(id, id),
  validFrom: '2020-01-01T00:00:00+08:00',
  validTo: '2099-12-31T23:59:59+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 500,
  inventoryPerKiosk: 100_000,
  ...over,
});

const wheelSegments = (campaignId: string) => [
  { label: zh('鲜榨橙汁', 'Free juice'), colour: '#ff8a00', campaign: campaignId },
  { label: zh('谢谢参与', 'Try again'), colour: '#f5c542' },
  { label: zh('鲜榨橙汁', 'Free juice'), colour: '#ff8a00', campaign: campaignId },
  { label: zh('下次好运', 'Next time'), colour: '#7cc576' },
  { label: zh('鲜榨橙汁', 'Free juice'), colour: '#ff8a00', campaign: campaignId },
  { label: zh('再接再厉', 'So close'), colour: '#f5c542' },
];

const DATA: Record<string, unknown> = {
  [DATA_FILES.branding]: { storeName: zh('测试超市', 'Test Market'), colours: { primary: '#1b7f3b', accent: '#ff8a00', background: '#fffaf3', text: '#1d1d1f' } },
  [DATA_FILES.categories]: [],
  [DATA_FILES.promotions]: [],
  [DATA_FILES.playlists]: [{ id: 'attract', items: [{ kind: 'image', src: 'media/attract.svg', durationMs: 60_000 }] }],
  [DATA_FILES.campaigns]: [
    campaign('ten-off', {
      reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: zh('满59减10元', '¥10 off ¥59'), terms: zh('限本店使用', 'This store only') },
      awards: [{ game: FIXTURE_GAMES.catch, minScore: 1, odds: 1 }, { game: FIXTURE_GAMES.scratch, odds: 1 }],
    }),
    campaign('free-juice', {
      reward: { kind: 'gift', title: zh('鲜榨橙汁一杯', 'A free fresh orange juice') },
      awards: [{ game: FIXTURE_GAMES.wheel, odds: 1 }],
      claimUrlTemplate: CLAIM_URL_TEMPLATE,
    }),
    campaign('juice-gone', {
      reward: { kind: 'percent-off', percent: 20, title: zh('果汁八折', '20% off juice') },
      dailyCapPerKiosk: 0,
      awards: [{ game: FIXTURE_GAMES.soldOut, odds: 1 }],
    }),
  ],
  [DATA_FILES.games]: [
    {
      id: FIXTURE_GAMES.catch,
      kind: 'catch',
      title: zh('接鲜果', 'Catch the fruit'),
      howTo: zh('左右移动篮子接住水果，别接到虫子！', 'Move the basket to catch the fruit, not the bugs!'),
      durationSec: 8,
      difficulty: 'easy',
      theme: { ...theme('#1b7f3b'), background: 'media/background.svg' },
      goodItems: ['media/apple.svg', 'media/orange.svg'],
      badItems: ['media/bug.svg'],
    },
    { id: FIXTURE_GAMES.wheel, kind: 'wheel', title: zh('幸运大转盘', 'Lucky wheel'), howTo: zh('点一下转盘！', 'Tap to spin!'), durationSec: 10, theme: theme('#ff8a00'), segments: wheelSegments('free-juice') },
    {
      id: FIXTURE_GAMES.scratch,
      kind: 'scratch',
      title: zh('刮刮乐', 'Scratch card'),
      howTo: zh('刮开涂层，三个一样就中奖！', 'Scratch it: three of a kind wins!'),
      durationSec: 30,
      theme: theme('#c2185b'),
      symbols: ['media/star.svg', 'media/clover.svg', 'media/cherry.svg', 'media/apple.svg'],
    },
    { id: FIXTURE_GAMES.soldOut, kind: 'wheel', title: zh('果汁转盘', 'Juice wheel'), howTo: zh('点一下转盘！', 'Tap to spin!'), durationSec: 5, theme: theme('#7cc576'), segments: wheelSegments('juice-gone') },
  ],
  [CATALOG_INDEX_FILE]: { shardCount: 1, productCount: 0 },
  [catalogShardFile(0)]: { products: {}, codes: {} },
};

/** Writes the fixture pack into `dir` (a folder the kiosk web server serves at /pack/). */
export async function writeGamesFixturePack(dir: string, version = '1.0.0'): Promise<string> {
  const files: Record<string, { sha256: string; size: number }> = {};
  const put = async (name: string, bytes: Buffer) => {
    const target = path.join(dir, ...name.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  };
  for (const [name, svg] of Object.entries(MEDIA)) await put(name, Buffer.from(svg));
  for (const [name, json] of Object.entries(DATA)) await put(name, Buffer.from(`${JSON.stringify(json, null, 2)}\n`));
  const manifest = {
    schemaVersion: 1,
    packId: 'games-e2e',
    version,
    title: zh('游戏测试包', 'Games test pack'),
    createdAt: '2026-11-01T00:00:00+08:00',
    schedule: { default: { playlist: 'attract', games: Object.values(FIXTURE_GAMES) } },
    files,
  };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}
