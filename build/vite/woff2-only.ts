// The bundled webfont (@fontsource) lists each unicode-range chunk twice: WOFF2, then a
// WOFF fallback for browsers without WOFF2. The kiosk's Chromium always takes the WOFF2,
// so the WOFF copies (~200 files, 6 MB) were shipped and never loaded. This drops the
// fallback from the font CSS before Vite resolves its url()s, so the WOFF files are not
// emitted at all; every @font-face keeps its WOFF2 and its unicode-range, so DOM text
// and the glyphs games load (games/engine/glyphs.ts) come from the same chunks as before.
import type { Plugin } from 'vite';

const WOFF_FALLBACK = /,\s*url\((['"]?)[^'")]+\.woff\1\)\s*format\((['"])woff\2\)/g;

/** The font CSS without its WOFF fallbacks; throws if a face would be left without WOFF2. */
export function dropWoffFallback(css: string, id = 'font CSS'): string {
  const out = css.replace(WOFF_FALLBACK, '');
  for (const face of out.match(/@font-face\s*{[^}]*}/g) ?? []) {
    if (!/\.woff2['"]?\)\s*format\(['"]woff2['"]\)/.test(face) || /\.woff['"]?\)/.test(face)) {
      throw new Error(`${id}: an @font-face would be left without a WOFF2 source: ${face.slice(0, 200)}`);
    }
  }
  return out;
}

/** Applies dropWoffFallback to @fontsource CSS. */
export function woff2Only(): Plugin {
  return {
    name: 'kiosk-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].+\.css(\?.*)?$/.test(id)) return null;
      return { code: dropWoffFallback(code, id), map: null };
    },
  };
}
