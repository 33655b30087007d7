// A fake camera picture for Chromium (--use-file-for-fake-video-capture): a barcode
// drawn by zxing-wasm's writer, held in the middle of a 1280x720 frame, converted to
// .y4m with ffmpeg into a temporary folder. Nothing binary is ever committed.
// Usage: npx tsx test/support/make-barcode-y4m.ts <ean13> [out.y4m]
import { execFile } from 'node:child_process';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { prepareZXingModule, writeBarcode, type WriterOptions } from 'zxing-wasm/writer';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

let prepared: Promise<unknown> | undefined;
async function writer(): Promise<void> {
  prepared ??= readFile(require.resolve('zxing-wasm/writer/zxing_writer.wasm')).then((wasm) =>
    prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true }),
  );
  await prepared;
}

async function write(text: string, format: NonNullable<WriterOptions['format']>, scale: number, options: string): Promise<Buffer> {
  const written = await writeBarcode(text, { format, scale, withQuietZones: true, options });
  if (!written.image) throw new Error(`zxing could not write ${format} "${text}": ${written.error}`);
  return Buffer.from(await written.image.arrayBuffer());
}

/** A PNG of the barcode on a white label, about `width` pixels wide (whole pixels per module). */
export async function barcodePng(text: string, format: NonNullable<WriterOptions['format']>, width: number, options = ''): Promise<Buffer> {
  await writer();
  const unit = (await sharp(await write(text, format, 1, options)).metadata()).width!;
  const png = await write(text, format, Math.max(1, Math.round(width / unit)), options);
  const margin = Math.round(width / 12);
  return sharp(png).flatten({ background: '#ffffff' }).extend({ top: margin, bottom: margin, left: 0, right: 0, background: '#ffffff' }).png().toBuffer();
}

export interface Y4mOptions {
  format?: NonNullable<WriterOptions['format']>;
  /** Width of the barcode in the 1280x720 frame. */
  barcodeWidth?: number;
  /** Where to write; a file in the system temp folder by default. */
  out?: string;
}

/** Writes (once) a y4m of the barcode in a 1280x720 frame and returns its path. */
export async function makeBarcodeY4m(text: string, options: Y4mOptions = {}): Promise<string> {
  const format = options.format ?? 'EAN13';
  const out = options.out ?? path.join(os.tmpdir(), 'kiosk-scan-e2e', `${format}-${text.replace(/[^0-9A-Za-z]/g, '_')}.y4m`);
  if (await stat(out).then((s) => s.size > 0, () => false)) return out;
  await mkdir(path.dirname(out), { recursive: true });
  const code = await barcodePng(text, format, options.barcodeWidth ?? 520);
  const meta = await sharp(code).metadata();
  // A warm grey "counter top" with the barcode label a little above the middle, where the aiming box is.
  const frame = await sharp({ create: { width: 1280, height: 720, channels: 3, background: { r: 186, g: 176, b: 160 } } })
    .composite([{ input: code, left: Math.round(640 - meta.width! / 2), top: Math.round(330 - meta.height! / 2) }])
    .png()
    .toBuffer();
  const png = `${out}.png`;
  await sharp(frame).toFile(png);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', png, '-frames:v', '4', '-r', '15', '-pix_fmt', 'yuv420p', out]);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [text, out] = process.argv.slice(2);
  if (!text) throw new Error('usage: tsx test/support/make-barcode-y4m.ts <ean13> [out.y4m]');
  console.log(await makeBarcodeY4m(text, out ? { out: path.resolve(out) } : {}));
}
