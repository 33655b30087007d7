// Text a game draws must wait for the glyphs it draws. The kiosk bundles its font
// (Noto Sans SC) split into unicode-range chunks; the browser fetches a chunk only when
// DOM text needs it. Canvas text does not ask: drawn before its chunk is there, a
// character falls back to the system's fonts — none with CJK on many kiosk images —
// and shows as a missing-glyph box, baked into a texture for the whole game ("鲜□□").
// So every game loads the glyphs of the strings it will draw, then builds its text.

/** The family every game draws text in: bundled with the kiosk, never left to the system. */
export const GAME_FONT_FAMILY = 'Noto Sans SC';
/** The fontFamily of a pixi TextStyle. */
export const GAME_FONT = `${GAME_FONT_FAMILY}, sans-serif`;
/** Never hold a game up for longer than this: a font that cannot load draws with what there is. */
export const GLYPH_WAIT_MS = 4000;

export interface GlyphFont {
  /** CSS weight, as the TextStyle says it ('700'). */
  weight: string;
  /** px */
  size: number;
}

/** The CSS font shorthand the Font Loading API takes, e.g. `700 40px "Noto Sans SC"`. */
export function fontSpec(font: GlyphFont): string {
  return `${font.weight} ${font.size}px "${GAME_FONT_FAMILY}"`;
}

type FontSetLike = Pick<FontFaceSet, 'load'>;

/**
 * Resolves once the bundled font's glyphs for every string are loaded in each weight
 * (or after `timeoutMs`, or at once where there is no Font Loading API, as in unit
 * tests). Never rejects: a game with a missing font is still a game.
 */
export async function loadGlyphs(fonts: readonly GlyphFont[], texts: readonly string[], timeoutMs = GLYPH_WAIT_MS, set: FontSetLike | undefined = globalThis.document?.fonts): Promise<void> {
  const text = [...new Set([...texts.join('')])].filter((c) => c.trim() !== '').join('');
  if (!set || text === '') return;
  const specs = [...new Set(fonts.map(fontSpec))];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  const loads = Promise.all(specs.map((spec) => set.load(spec, text).catch(() => [])));
  await Promise.race([loads, timeout]);
  clearTimeout(timer);
}
