// A canvas draws with whatever font is loaded when it draws: a Chinese glyph whose
// Noto Sans SC chunk has not arrived becomes a box. So a chart first asks the browser
// to load the chunks for exactly the characters it will draw.
export const CHART_FONT_FAMILY = '"Noto Sans SC", system-ui, sans-serif';
export const CHART_FONT = '16px "Noto Sans SC"';

/** The distinct characters of everything a chart will draw. */
export function charactersOf(texts: Iterable<string>): string {
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) chars.add(ch);
  return [...chars].join('');
}

/**
 * Resolves when the font chunks for `text` are loaded (or failed, or `timeoutMs`
 * passed: a chart with a missing glyph beats no chart at all).
 */
export async function fontsReadyFor(text: string, fonts: FontFaceSet | undefined = globalThis.document?.fonts, timeoutMs = 5000): Promise<void> {
  if (!fonts || typeof fonts.load !== 'function' || text === '') return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([fonts.load(CHART_FONT, text).then(
      () => undefined,
      () => undefined,
    ), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
