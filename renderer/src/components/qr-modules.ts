// A QR code as one SVG path of its dark modules: crisp at any size, no canvas and no
// PNG to encode (a product page's QR costs well under a millisecond to draw this way).
import QRCode from 'qrcode';

export interface QrModules {
  text: string;
  /** QR version (1–40). */
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path of the dark modules, one unit per module. */
  path: string;
}

/** Error correction M, which a phone reads off a screen. */
export function qrModules(text: string): QrModules {
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
