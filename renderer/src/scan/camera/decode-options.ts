// What the camera decoder looks for and how hard it tries. Frames alternate between a
// fast pass (most frames of a steady, well-lit code read here) and a try-harder pass
// (rotated, inverted, small or blurry codes). Shared with the decode benchmark.
import type { ReaderOptions } from 'zxing-wasm/reader';

/** Retail and GS1 symbologies a shopper may hold up: EAN/UPC, GS1-128, QR (Digital Link), GS1 DataMatrix. */
export const SCAN_FORMATS: NonNullable<ReaderOptions['formats']> = ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'QRCode', 'DataMatrix'];

export type DecodePass = 'fast' | 'hard';

const COMMON: ReaderOptions = {
  formats: SCAN_FORMATS,
  // Plain keeps GS1 separators as GS, the way a scanner sends them.
  textMode: 'Plain',
  maxNumberOfSymbols: 1,
  tryDownscale: true,
};

export const PASS_OPTIONS: Record<DecodePass, ReaderOptions> = {
  fast: { ...COMMON, tryHarder: false, tryRotate: false, tryInvert: false },
  hard: { ...COMMON, tryHarder: true, tryRotate: true, tryInvert: true },
};

/** Even frames fast, odd frames try harder. */
export const passForFrame = (frame: number): DecodePass => (frame % 2 === 0 ? 'fast' : 'hard');
