// How the packs pages write sizes, prices, odds and the hub's two-language texts.
import type { BilingualText } from '../../../../content/schema/hub-api/console/packs.ts';
import type { LocalizedText } from '../../../../content/schema/localized.ts';

/** The hub's words in the console's language. */
export function inLanguage(text: BilingualText, locale: string): string {
  return locale === 'en' ? text.en : text.zh;
}

/** A pack's own text (zh-CN always there, English when the pack has it). */
export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB", 1_073_741_824 → "1.0 GB" (binary units, as file managers show). */
export function formatBytes(bytes: number, numberLocale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : value < 100 ? 1 : 0;
  return `${new Intl.NumberFormat(numberLocale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** Minor units (fen) as money: 1290 → "¥12.90". */
export function formatPrice(minor: number, numberLocale: string, currency = 'CNY'): string {
  return new Intl.NumberFormat(numberLocale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(minor / 100);
}

/** A chance 0–1 as a percentage: 0.125 → "12.5%". */
export function formatOdds(odds: number, numberLocale: string): string {
  return new Intl.NumberFormat(numberLocale, { style: 'percent', maximumFractionDigits: 2 }).format(odds);
}

/**
 * A product's barcode as it is printed on the package: a GTIN-14 key with leading zeros
 * is shown as its EAN-13 (or UPC-A / EAN-8) — the code a merchandiser finds on the shelf.
 */
export function printedCode(gtin14: string): string {
  if (!/^\d{14}$/.test(gtin14)) return gtin14;
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  return gtin14.startsWith('0') ? gtin14.slice(1) : gtin14;
}
