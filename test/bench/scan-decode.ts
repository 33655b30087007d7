// Camera decoding over ZXing's own test images (the test data's barcodes/), each as
// stored and pasted into a cluttered 1280x720 frame, with the kiosk's decoder options
// (renderer/src/scan/camera/decode-options.ts): read rate per format, misreads, and
// milliseconds per 1280x720 frame for the fast and the try-harder pass.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { toGtin14 } from '../../content/schema/gtin.ts';
import { PASS_OPTIONS, type DecodePass } from '../../renderer/src/scan/camera/decode-options.ts';
import { expandUpcE } from '../../renderer/src/scan/gs1/upce.ts';
import { requireTestdata } from '../support/testdata.ts';
import { percentile } from './machine.ts';

const require = createRequire(import.meta.url);
const FRAME = { width: 1280, height: 720 };
const RETAIL = new Set(['ean13', 'ean8', 'upca', 'upce']);

interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  colorSpace: 'srgb';
}

export interface DecodeFigures {
  images: number;
  /** format → [read as stored, read in clutter, total] */
  perFormat: Record<string, { stored: number; cluttered: number; total: number }>;
  misreads: { file: string; where: 'stored' | 'cluttered'; expected: string; got: string }[];
  frameMs: Record<DecodePass, number[]>;
}

async function prepare(): Promise<void> {
  const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shop-counter-like 1280x720 background: gradient, boxes, strokes and sensor noise. */
function clutter(seed: number): Buffer {
  const next = random(seed);
  const { width, height } = FRAME;
  const rgb = Buffer.alloc(width * height * 3);
  const base = [120 + next() * 100, 110 + next() * 100, 100 + next() * 100];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const shade = 0.75 + (0.35 * (x + y)) / (width + height);
      for (let c = 0; c < 3; c++) rgb[i + c] = Math.min(255, base[c]! * shade);
    }
  }
  const fill = (x0: number, y0: number, w: number, h: number, colour: number[]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
        const i = (y * width + x) * 3;
        rgb[i] = colour[0]!;
        rgb[i + 1] = colour[1]!;
        rgb[i + 2] = colour[2]!;
      }
    }
  };
  for (let n = 0; n < 40; n++) fill(Math.floor(next() * width), Math.floor(next() * height), 20 + Math.floor(next() * 260), 10 + Math.floor(next() * 160), [next() * 255, next() * 255, next() * 255]);
  // Printed text on packaging: short dark strokes in rows.
  for (let n = 0; n < 30; n++) {
    const x0 = Math.floor(next() * width);
    const y0 = Math.floor(next() * height);
    for (let k = 0; k < 12; k++) fill(x0 + k * 9, y0 + Math.floor(next() * 4), 3 + Math.floor(next() * 4), 8 + Math.floor(next() * 6), [30, 30, 30]);
  }
  for (let i = 0; i < rgb.length; i++) rgb[i] = Math.max(0, Math.min(255, rgb[i]! + (next() - 0.5) * 24));
  return rgb;
}

async function toPixels(image: Sharp): Promise<Pixels> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height, colorSpace: 'srgb' };
}

/** The image pasted somewhere in a cluttered frame, scaled down if it would not fit. */
async function inClutter(file: string, seed: number): Promise<Pixels> {
  const next = random(seed * 7919);
  const code = sharp(file).flatten({ background: '#ffffff' });
  const meta = await sharp(file).metadata();
  const scale = Math.min(1, 600 / Math.max(meta.width!, meta.height!));
  const w = Math.round(meta.width! * scale);
  const h = Math.round(meta.height! * scale);
  const pasted = await code.resize(w, h).png().toBuffer();
  const left = Math.floor(next() * (FRAME.width - w));
  const top = Math.floor(next() * (FRAME.height - h));
  const frame = sharp(clutter(seed), { raw: { width: FRAME.width, height: FRAME.height, channels: 3 } }).composite([{ input: pasted, left, top }]);
  return toPixels(sharp(await frame.png().toBuffer()));
}

/** The expected text in the form the decoder's text takes after normalising: GTIN-14 for retail codes. */
function comparable(format: string, text: string): string {
  const t = text.replace(/\s+$/, '');
  if (!RETAIL.has(format)) return t;
  if (format === 'upce' && t.length === 8) {
    const e = expandUpcE(t);
    return e.ok ? e.upca.padStart(14, '0') : t;
  }
  return toGtin14(t) ?? t;
}

async function decode(pixels: Pixels, pass: DecodePass): Promise<{ texts: string[]; ms: number }> {
  const started = performance.now();
  const results = await readBarcodes(pixels as unknown as ImageData, PASS_OPTIONS[pass]);
  return { texts: results.filter((r) => r.isValid).map((r) => r.text), ms: performance.now() - started };
}

export async function runDecodeBench(log: (line: string) => void = console.log): Promise<DecodeFigures> {
  // ZXing's images in the shared test data; without them this says to run `npm run fetch:testdata`.
  const barcodes = requireTestdata('barcodes');
  await prepare();
  const figures: DecodeFigures = { images: 0, perFormat: {}, misreads: [], frameMs: { fast: [], hard: [] } };
  const formats = (await readdir(barcodes, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  let seed = 1;
  for (const format of formats) {
    const dir = path.join(barcodes, format);
    const images = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const tally = (figures.perFormat[format] = { stored: 0, cluttered: 0, total: 0 });
    for (const image of images) {
      const file = path.join(dir, image);
      const expected = comparable(format, await readFile(file.replace(/\.png$/, '.txt'), 'utf8'));
      tally.total++;
      figures.images++;
      for (const where of ['stored', 'cluttered'] as const) {
        const pixels = where === 'stored' ? await toPixels(sharp(file).flatten({ background: '#ffffff' })) : await inClutter(file, seed++);
        // Two frames, as the camera alternates: one fast pass, one try-harder pass (both timed).
        let read = false;
        for (const pass of ['fast', 'hard'] as const) {
          const { texts, ms } = await decode(pixels, pass);
          if (where === 'cluttered') figures.frameMs[pass].push(ms);
          for (const text of texts) {
            const got = comparable(format, text);
            if (got === expected) read = true;
            else figures.misreads.push({ file: `${format}/${image}`, where, expected, got });
          }
        }
        if (read) tally[where]++;
      }
    }
    log(`  ${format.padEnd(10)} as stored ${tally.stored}/${tally.total}   in a cluttered 1280x720 frame ${tally.cluttered}/${tally.total}`);
  }
  return figures;
}

export function summarise(ms: number[]): { median: number; p90: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}
