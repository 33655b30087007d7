import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dropWoffFallback } from './woff2-only.ts';

const require = createRequire(import.meta.url);

describe('the webfont without its WOFF fallback', () => {
  it('keeps every face of the bundled Noto Sans SC with its WOFF2 file and unicode-range, and no WOFF', () => {
    for (const weight of ['400', '700']) {
      const css = readFileSync(require.resolve(`@fontsource/noto-sans-sc/${weight}.css`), 'utf8');
      const out = dropWoffFallback(css);
      const faces = (s: string) => s.match(/@font-face\s*{[^}]*}/g) ?? [];
      expect(faces(out).length).toBe(faces(css).length);
      expect(faces(out).length).toBeGreaterThan(50);
      expect(out).not.toMatch(/\.woff['")]/);
      expect(out.match(/\.woff2\)/g)?.length).toBe(faces(css).length);
      expect(out.match(/unicode-range:[^;]+/g)).toEqual(css.match(/unicode-range:[^;]+/g));
    }
  });

  it('refuses CSS that would leave a face with no WOFF2 at all', () => {
    const woffOnly = "@font-face { font-family: 'X'; src: url(./x.woff) format('woff'); }";
    expect(() => dropWoffFallback(woffOnly, 'x.css')).toThrow(/x\.css: an @font-face would be left without a WOFF2 source/);
  });
});
