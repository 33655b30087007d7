// Reading a coupon the way a phone or a till scanner does — off the screen — and forging
// one the way someone editing a coupon would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { base32Decode, base32Encode } from '../../content/schema/coupon/index.ts';
import { repo } from './fixtures.ts';

prepareZXingModule({ overrides: { wasmBinary: readFileSync(path.join(repo, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });

/** Reads the coupon's QR code from a screenshot of it. */
export async function readQr(qr: Locator): Promise<string> {
  const png = await qr.screenshot();
  const [found] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  if (!found?.isValid) throw new Error('no QR code could be read from the coupon');
  return found.text;
}

/** Stretches the coupon's validity by flipping one bit. */
export function tamper(token: string): string {
  const bytes = base32Decode(token)!;
  bytes[22]! ^= 0x40;
  return base32Encode(bytes);
}
