// The coupon's QR code: the token itself, or the pack's "claim on your phone" link
// holding it. Drawn as one SVG path of dark modules (crisp at any size, no image data
// to inline) at error correction M, which a phone reads off a screen.
import QRCode from 'qrcode';
import { claimUrlFor } from '../../../content/schema/coupon/index.ts';

export interface CouponQr {
  text: string;
  /** QR version (1–40): a token alone is version 6. */
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path of the dark modules, one unit per module. */
  path: string;
}

export function couponQrText(token: string, claimUrlTemplate?: string): string {
  return claimUrlTemplate ? claimUrlFor(claimUrlTemplate, token) : token;
}

export function couponQr(text: string): CouponQr {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { text, version: qr.version, size, path };
}
