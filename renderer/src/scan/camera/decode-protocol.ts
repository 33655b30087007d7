// Messages between the page and the barcode decoding worker. Frames go in (as
// ImageBitmaps, transferred); only decoded text comes out.
import type { DecodePass } from './decode-options.ts';

export interface DecodedCode {
  text: string;
  /** zxing format name: EAN13, UPCE, Code128, QRCode, DataMatrix… */
  format: string;
  /** AIM symbology identifier, e.g. "]C1". */
  symbologyId: string;
}

export type ToDecoder = { type: 'decode'; id: number; frame: ImageBitmap; pass: DecodePass };

export type FromDecoder =
  | { type: 'ready' }
  | { type: 'decoded'; id: number; codes: DecodedCode[]; decodeMs: number }
  | { type: 'failed'; id: number; message: string };
