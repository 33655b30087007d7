// Drawing generated artwork: SVG text in, PNG or WebP out (via sharp's librsvg), with
// the bundled font whatever the machine has (artwork-fonts.ts).
import { ARTWORK_FONT_FAMILY, useArtworkFonts } from './artwork-fonts.ts';

/** The font-family of every text in generated artwork: the bundled font only. */
export const CJK_FONTS = `'${ARTWORK_FONT_FAMILY}', sans-serif`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

export async function rasterise(svg: string, format: 'png' | 'webp'): Promise<Buffer> {
  await useArtworkFonts();
  const { default: sharp } = await import('sharp');
  const image = sharp(Buffer.from(svg));
  return format === 'png' ? image.png({ compressionLevel: 9 }).toBuffer() : image.webp({ quality: 86 }).toBuffer();
}
