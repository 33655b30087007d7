// Generated artwork must show Chinese as Chinese on any machine: a build machine or CI
// runner without a CJK font would otherwise draw missing-glyph boxes on every banner.
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareArtworkFonts } from './artwork-fonts.ts';
import { CJK_FONTS, rasterise, sayingWarnings, withRenderRetries } from './svg-raster.ts';

/** The size of the ink of `text` drawn large in the artwork font, in pixels. */
async function inkOf(text: string, weight = 700): Promise<{ width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="240"><rect width="600" height="240" fill="#ffffff"/>
    <text x="20" y="170" font-family="${CJK_FONTS}" font-size="140" font-weight="${weight}" fill="#000000">${text}</text></svg>`;
  const { info } = await sharp(await rasterise(svg, 'png')).trim({ threshold: 40 }).toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height };
}

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

describe('generated artwork text', () => {
  it('draws 一 as one flat stroke, not a missing-glyph box (the bundled font is used)', async () => {
    for (const weight of [400, 700]) {
      const ink = await inkOf('一', weight);
      // A missing glyph is a box at least as tall as it is wide; the real character is a bar.
      expect(ink.width).toBeGreaterThan(80);
      expect(ink.height).toBeLessThan(ink.width / 3);
    }
  });

  it('draws different characters differently, and Latin in the same font', async () => {
    const [fresh, pick, latin] = await Promise.all([inkOf('鲜选'), inkOf('超市'), inkOf('Fresh')]);
    expect(fresh.height).toBeGreaterThan(90);
    expect(latin.width).toBeGreaterThan(250);
    const a = await rasterise(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160"><text x="10" y="120" font-family="${CJK_FONTS}" font-size="120">鲜</text></svg>`, 'png');
    const b = await rasterise(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160"><text x="10" y="120" font-family="${CJK_FONTS}" font-size="120">选</text></svg>`, 'png');
    expect(a.equals(b)).toBe(false);
    expect(pick.width).toBeGreaterThan(200);
  });
});

describe('prepareArtworkFonts', () => {
  it('unwraps the bundled font once into its own folder, with a fontconfig file naming only that folder', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'artwork-fonts-'));
    roots.push(root);
    const conf = await prepareArtworkFonts(root);
    const fonts = await readdir(path.join(path.dirname(conf), 'fonts'));
    expect(fonts.length).toBeGreaterThan(50);
    expect(fonts.every((f) => f.endsWith('.otf'))).toBe(true);
    expect(fonts.some((f) => f.includes('-700-'))).toBe(true);
    // Nothing half-built is left beside it, and a second call reuses the folder.
    expect((await readdir(root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await prepareArtworkFonts(root)).toBe(conf);
    expect(await readdir(root)).toHaveLength(1);
  });
});

describe('a drawing librsvg fails now and then', () => {
  it('is drawn again, and any other error or a third failure is thrown as it came', async () => {
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(new Error('svgload_buffer: SVG rendering failed')) : Promise.resolve('drawn'));
    expect(await withRenderRetries(flaky)).toBe('drawn');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRenderRetries(() => (++calls, Promise.reject(new Error('svgload_buffer: SVG rendering failed'))))).rejects.toThrow('SVG rendering failed');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRenderRetries(() => (++calls, Promise.reject(new Error('Input buffer contains unsupported image format'))))).rejects.toThrow('unsupported image format');
    expect(calls).toBe(1);
  });

  it('is drawn again when librsvg only warned, and the error says what it warned', async () => {
    let calls = 0;
    const warned = () => (++calls < 2 ? Promise.reject(new Error('Warning treated as error due to failOn setting')) : Promise.resolve('drawn'));
    expect(await withRenderRetries(warned)).toBe('drawn');
    expect(calls).toBe(2);
    // A drawing that fails after warnings says what librsvg warned; one without them is thrown as it came.
    const image = new EventEmitter();
    const failing = () => (image.emit('warning', 'error in tile 0 x 0'), Promise.reject(new Error('Warning treated as error due to failOn setting')));
    await expect(sayingWarnings(image, failing)).rejects.toThrow('Warning treated as error due to failOn setting (librsvg: error in tile 0 x 0)');
    const plain = new Error('Input buffer contains unsupported image format');
    await expect(sayingWarnings(new EventEmitter(), () => Promise.reject(plain))).rejects.toBe(plain);
  });
});

