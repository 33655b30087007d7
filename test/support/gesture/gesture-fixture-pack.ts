// A small unpacked pack for the gesture tests: an attract playlist of three still
// slides with captions (so a swipe visibly changes what is shown), each up for a
// minute so only a swipe moves it on.
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { DATA_FILES, MANIFEST_FILE } from '../../../content/schema/layout.ts';
import { writeUnpackedPack } from '../unpacked-pack.ts';

const zh = (text: string, en: string) => ({ 'zh-CN': text, en });

/** The captions of the slides, in playlist order. */
export const SLIDES = [
  { caption: zh('春季新品上市', 'New for spring'), colour: { r: 200, g: 60, b: 60 } },
  { caption: zh('会员日全场九折', 'Members’ day: 10% off'), colour: { r: 40, g: 120, b: 200 } },
  { caption: zh('扫码玩游戏赢好礼', 'Scan, play and win'), colour: { r: 40, g: 150, b: 80 } },
] as const;

/** Bump when the pack's content changes. */
export const GESTURE_PACK_DIR = '/tmp/shopfront-gesture-pack-v1';

const png = ({ r, g, b }: { r: number; g: number; b: number }) => sharp({ create: { width: 270, height: 480, channels: 3, background: { r, g, b } } }).png().toBuffer();

let written: Promise<string> | undefined;

/**
 * Writes the pack (once; parallel test workers race safely: each writes a temporary
 * folder and renames it into place) and returns its folder.
 */
export function gestureFixturePack(dir = GESTURE_PACK_DIR): Promise<string> {
  written ??= (async () => {
    if (existsSync(path.join(dir, MANIFEST_FILE))) return dir;
    const temp = `${dir}.${process.pid}.tmp`;
    await write(temp);
    try {
      await rename(temp, dir);
    } catch {
      // Another worker put it there first.
    }
    await rm(temp, { recursive: true, force: true });
    return dir;
  })();
  return written;
}

async function write(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const files = new Map<string, Buffer>();
  const json = (file: string, value: unknown) => files.set(file, Buffer.from(JSON.stringify(value)));
  json(DATA_FILES.branding, {
    storeName: zh('手势测试橱窗', 'Gesture Test Window'),
    colours: { primary: '#c0392b', accent: '#f39c12', background: '#fdfaf6', text: '#222222' },
  });
  json(DATA_FILES.categories, []);
  json(DATA_FILES.promotions, []);
  json(DATA_FILES.campaigns, []);
  json(DATA_FILES.games, []);
  json(DATA_FILES.playlists, [
    { id: 'attract', items: SLIDES.map((s, i) => ({ kind: 'image', src: `media/slide-${i + 1}.png`, durationMs: 120_000, caption: s.caption })) },
  ]);
  for (const [i, slide] of SLIDES.entries()) files.set(`media/slide-${i + 1}.png`, await png(slide.colour));
  await writeUnpackedPack(dir, { packId: 'gesture-fixture', title: zh('手势测试内容包', 'Gesture test pack'), files });
}
