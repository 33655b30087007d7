// A small, valid pack folder (and its built, signed .kpack) for tests to start from.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { withCheckDigit } from '../../schema/gtin.ts';
import type { TrustedKey } from '../../schema/kiosk-config.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import { buildPack, signatureBytes } from '../build/build-pack.ts';
import { sha256Bytes } from '../files/hash-file.ts';
import { createSigningKey, publicPart, type SigningKeyFile } from '../keys/key-files.ts';
import { signManifest } from '../keys/manifest-signature.ts';
import { entryName, openEntry, openZip, readEntries } from '../import/zip-archive.ts';
import { deflatedEntry, storedEntry, type RawEntry } from './raw-zip.ts';

export const SAMPLE_GTINS = {
  apple: withCheckDigit('690123456001').padStart(14, '0'),
  pear: withCheckDigit('690123456002').padStart(14, '0'),
  milk: withCheckDigit('690123456003').padStart(14, '0'),
};

const zh = (text: string, en?: string) => (en ? { 'zh-CN': text, en } : { 'zh-CN': text });

export const SAMPLE_META = {
  packId: 'sample',
  version: '1.0.0',
  title: zh('示例内容包', 'Sample pack'),
  schedule: { default: { playlist: 'attract', games: ['catch-fruit', 'lucky-wheel'] } },
};

export const sampleProducts = () => [
  { gtin: SAMPLE_GTINS.apple, codes: ['PLU-4131'], category: 'fruit', name: zh('红富士苹果', 'Fuji apple'), price: 1290, promoPrice: 990, images: ['media/apple.png'], related: [SAMPLE_GTINS.pear] },
  { gtin: SAMPLE_GTINS.pear, category: 'fruit', name: zh('砀山梨', 'Dangshan pear'), price: 890, images: ['media/apple.png'] },
  { gtin: SAMPLE_GTINS.milk, category: 'dairy', name: zh('鲜牛奶', 'Fresh milk'), price: 1590, images: ['media/milk.png'], related: [SAMPLE_GTINS.apple] },
];

const SAMPLE_DATA: Record<string, unknown> = {
  'data/branding.json': { storeName: zh('示例超市', 'Sample Market'), logo: 'media/logo.png', colours: { primary: '#e60012', accent: '#ffb300', background: '#ffffff', text: '#222222' } },
  'data/categories.json': [
    { id: 'fruit', name: zh('水果', 'Fruit') },
    { id: 'dairy', name: zh('乳品', 'Dairy') },
  ],
  'data/promotions.json': [{ id: 'apple-week', title: zh('苹果周', 'Apple week'), products: [SAMPLE_GTINS.apple] }],
  'data/campaigns.json': [
    {
      id: 'ten-off',
      name: zh('满59减10', '¥10 off ¥59'),
      reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: zh('满59减10') },
      validFrom: '2025-01-01T00:00:00+08:00',
      validTo: '2099-12-31T23:59:59+08:00',
      couponValidDays: 7,
      dailyCapPerKiosk: 50,
      inventoryPerKiosk: 1000,
      awards: [{ game: 'catch-fruit', minScore: 10, odds: 0.5 }, { game: 'lucky-wheel', odds: 1 }],
    },
  ],
  'data/games.json': [
    { id: 'catch-fruit', kind: 'catch', title: zh('接水果'), howTo: zh('移动篮子接住水果'), theme: { colours: { primary: '#e60012', accent: '#ffb300', background: '#fff8e1' } }, goodItems: ['media/apple.png'] },
    {
      id: 'lucky-wheel',
      kind: 'wheel',
      title: zh('幸运转盘'),
      howTo: zh('点一下转动转盘'),
      theme: { colours: { primary: '#e60012', accent: '#ffb300', background: '#fff8e1' } },
      segments: [
        { label: zh('满59减10'), colour: '#e60012', campaign: 'ten-off' },
        { label: zh('谢谢参与'), colour: '#ffb300' },
        { label: zh('满59减10'), colour: '#e60012', campaign: 'ten-off' },
        { label: zh('谢谢参与'), colour: '#ffb300' },
      ],
    },
  ],
  'data/playlists.json': [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide-1.png' }] }],
};

const tinyPng = (r: number, g: number, b: number) => sharp({ create: { width: 8, height: 8, channels: 3, background: { r, g, b } } }).png().toBuffer();

export interface SampleOptions {
  /** Replace data/products.json (raw JSON). */
  products?: unknown;
  /** Write products.csv with this text instead of data/products.json. */
  productsCsv?: string;
  /** Override fields of pack.json. */
  meta?: Record<string, unknown>;
  /** Override whole data files: path → JSON. */
  data?: Record<string, unknown>;
}

export async function writeSamplePack(dir: string, options: SampleOptions = {}): Promise<void> {
  const files: Record<string, unknown> = { 'pack.json': { ...SAMPLE_META, ...options.meta }, ...SAMPLE_DATA, ...options.data };
  if (options.productsCsv === undefined) files['data/products.json'] = options.products ?? sampleProducts();
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await mkdir(path.join(dir, 'media'), { recursive: true });
  for (const [file, json] of Object.entries(files)) await writeFile(path.join(dir, file), `${JSON.stringify(json, null, 2)}\n`);
  if (options.productsCsv !== undefined) await writeFile(path.join(dir, 'products.csv'), options.productsCsv);
  const media: Record<string, Buffer> = {
    'media/logo.png': await tinyPng(230, 0, 18),
    'media/apple.png': await tinyPng(200, 30, 30),
    'media/milk.png': await tinyPng(240, 240, 250),
    'media/slide-1.png': await tinyPng(20, 120, 60),
  };
  for (const [file, bytes] of Object.entries(media)) await writeFile(path.join(dir, file), bytes);
}

let cachedKey: Promise<SigningKeyFile> | undefined;
/** One signing key per test process. */
export const testKey = (): Promise<SigningKeyFile> => (cachedKey ??= createSigningKey('test key'));

export async function trustedTestKeys(): Promise<TrustedKey[]> {
  return [publicPart(await testKey())];
}

/** Writes the sample source into `dir/src` and builds `dir/sample.kpack`. */
export async function buildSampleKpack(dir: string, options: SampleOptions = {}): Promise<{ kpack: string; source: string; key: SigningKeyFile }> {
  const source = path.join(dir, 'src');
  await writeSamplePack(source, options);
  const key = await testKey();
  const kpack = path.join(dir, 'sample.kpack');
  const result = await buildPack(source, { out: kpack, key, createdAt: new Date('2026-01-01T00:00:00Z') });
  if (!result.ok) throw new Error(`sample pack does not build: ${JSON.stringify(result.problems, null, 2)}`);
  return { kpack, source, key };
}

/** Every file of a (small, trusted) zip, in order. */
export async function unzipAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await openZip(file);
  const out = new Map<string, Buffer>();
  try {
    for (const entry of await readEntries(zip)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
      out.set(entryName(entry).toString('utf8'), Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}

/**
 * Zip entries for a pack holding `files`, with a manifest listing them (edit it with
 * `editManifest`) signed by `key`: a starting point for hostile archives.
 */
export async function signedEntries(files: ReadonlyMap<string, Buffer>, key: SigningKeyFile, editManifest: (m: Record<string, unknown>) => void = () => undefined): Promise<RawEntry[]> {
  const listed: Record<string, { sha256: string; size: number }> = {};
  for (const [name, bytes] of files) if (name !== MANIFEST_FILE && name !== SIGNATURE_FILE) listed[name] = { sha256: sha256Bytes(bytes), size: bytes.length };
  const manifest: Record<string, unknown> = { schemaVersion: 1, ...SAMPLE_META, createdAt: '2026-01-01T00:00:00.000Z', files: listed };
  editManifest(manifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const signature = await signManifest(manifestBytes, key);
  return [
    deflatedEntry(MANIFEST_FILE, manifestBytes),
    storedEntry(SIGNATURE_FILE, Buffer.from(signatureBytes(signature))),
    ...[...files].filter(([name]) => name !== MANIFEST_FILE && name !== SIGNATURE_FILE).map(([name, bytes]) => deflatedEntry(name, bytes)),
  ];
}
