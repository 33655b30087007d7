// Drawing generated artwork: SVG text in, PNG or WebP out (via sharp's librsvg), with
// the bundled font whatever the machine has (artwork-fonts.ts).
import type { EventEmitter } from 'node:events';
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
    return sayingWarnings(image, () => (format === 'png' ? image.png({ compressionLevel: 9 }).toBuffer() : image.webp({ quality: 86 }).toBuffer()));
  });
}

/**
 * Runs `draw`; if it fails after librsvg warned ("error in tile 0 x 0"), the error says
 * what it warned, so a drawing that fails for good says why, not only that a warning
 * was treated as an error.
 */
export async function sayingWarnings<T>(image: EventEmitter, draw: () => Promise<T>): Promise<T> {
  const warnings: string[] = [];
  image.on('warning', (warning: unknown) => warnings.push(String(warning)));
  try {
    return await draw();
  } catch (err) {
    if (warnings.length === 0) throw err;
    throw new Error(`${err instanceof Error ? err.message : String(err)} (librsvg: ${warnings.join('; ')})`, { cause: err });
  }
}

/**
 * librsvg's text layout (pango and fontconfig underneath) now and then fails a drawing
 * when several run at once on a busy machine — as "SVG rendering failed", or as a
 * warning ("error in tile 0 x 0") that sharp's default failOn turns into an error; the
 * same SVG draws on the next try. Drawn again up to twice; any other error, or a third
 * failure, is thrown as it came.
 */
export async function withRenderRetries<T>(draw: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await draw();
    } catch (err) {
      if (attempt >= tries || !TRANSIENT_RENDER_FAILURE.test(String(err))) throw err;
    }
  }
}

const TRANSIENT_RENDER_FAILURE = /SVG rendering failed|Warning treated as error due to failOn setting/;
