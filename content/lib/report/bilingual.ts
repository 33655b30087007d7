// Text for merchandisers and technicians: every message exists in Chinese and English.

export interface Bilingual {
  'zh-CN': string;
  en: string;
}

export const bi = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** Both languages on two lines, Chinese first (the kiosk's default language). */
export const bothLines = (text: Bilingual): string => `${text['zh-CN']}\n${text.en}`;

/** Quotes a value a merchandiser typed, shortened so one bad cell cannot flood the output. */
export function shown(value: unknown, max = 40): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Array.isArray(value) ? '[…]' : '{…}'; // too deep (or circular) to write out
  }
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}

/** "a, b, c" — at most `max` items, then "…". */
export function listOf(items: readonly string[], max = 12): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');
}
