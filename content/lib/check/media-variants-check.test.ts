// A pack whose pictures have variants per orientation and language: every variant's file
// is checked, and none of them is reported as unused.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../report/problem.ts';
import { writeSamplePack } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { validateSource } from '../source/validate-source.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir()));
afterEach(() => tmp.remove());

const brief = (p: Problem) => `${p.severity} ${p.file}${p.record ? `#${p.record}` : ''} ${p.field ?? ''}: ${p.message.en}`;
const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#2e7d32' } }).png().toBuffer();

async function packWithVariants(files: string[]): Promise<void> {
  await writeSamplePack(tmp.dir, {
    data: {
      'data/branding.json': {
        storeName: { 'zh-CN': '示例超市', en: 'Sample Market' },
        logo: { src: 'media/logo.png', en: 'media/logo-en.png' },
        colours: { primary: '#e60012', accent: '#ffb300', background: '#ffffff', text: '#222222' },
      },
      'data/promotions.json': [{ id: 'fruit', title: { 'zh-CN': '鲜果节', en: 'Fruit festival' }, image: { src: 'media/fruit.png', en: { src: 'media/fruit-en.png', portrait: 'media/fruit-en-9x16.png' } } }],
      'data/playlists.json': [{ id: 'attract', items: [{ kind: 'image', src: { src: 'media/slide-1.png', portrait: 'media/slide-1-9x16.png' } }] }],
    },
  });
  for (const file of files) await writeFile(path.join(tmp.dir, file), await png());
}

describe('checking the files of media variants', () => {
  it('accepts a pack whose variants are all there, without calling them unused', async () => {
    await packWithVariants(['media/logo-en.png', 'media/fruit.png', 'media/fruit-en.png', 'media/fruit-en-9x16.png', 'media/slide-1-9x16.png']);
    const result = await validateSource(tmp.dir);
    expect(result.problems.map(brief).filter((p) => /fruit|slide|logo/.test(p))).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('names the variant whose file is missing and the file', async () => {
    await packWithVariants(['media/logo-en.png', 'media/fruit.png', 'media/fruit-en.png']);
    const result = await validateSource(tmp.dir);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((p) => p.severity === 'error').map(brief)).toEqual([
      'error data/promotions.json#1 image.en.portrait: the file media/fruit-en-9x16.png is not in the pack',
      'error data/playlists.json#1 items[1].src.portrait: the file media/slide-1-9x16.png is not in the pack',
    ]);
  });
});
