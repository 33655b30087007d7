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
  return withRenderRetries(() => {
    const image = sharp(Buffer.from(svg));
    return format === 'png' ? image.png({ compressionLevel: 9 }).toBuffer() : image.webp({ quality: 86 }).toBuffer();
  });
}

/**
 * librsvg's text layout (pango and fontconfig underneath) now and then fails a drawing
 * with "SVG rendering failed" when several run at once on a busy machine; the same SVG
 * draws on the next try. Drawn again up to twice; any other error, or a third failure,
 * is thrown as it came.
 */
export async function withRenderRetries<T>(draw: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await draw();
    } catch (err) {
      if (attempt >= tries || !/SVG rendering failed/.test(String(err))) throw err;
    }
  }
}
