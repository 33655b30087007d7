// How a changed value reads in the diff: prices as money, odds as percentages, times and
// days as people write them, texts in the console's language, "not set" for nothing.
import type { LocalizedText } from '../../../../../content/schema/localized.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatOdds, formatPrice, localized } from '../pack-format.ts';

/** Fields whose value is money in fen. */
const MONEY = new Set(['price', 'promoPrice', 'amount', 'minSpend']);
/** Fields that are a 0–1 chance. */
const ODDS = new Set(['odds']);
/** Fields in milliseconds, shown as seconds. */
const MILLIS = new Set(['durationMs']);

export interface ValueWords {
  notSet: string;
  yes: string;
  no: string;
  /** ISO weekday 1–7 → its short name. */
  weekday(day: number): string;
  seconds(n: string): string;
}

const isLocalized = (v: unknown): v is LocalizedText => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)['zh-CN'] === 'string';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The last part of a field path: `reward.amount` → `amount`. */
export const leafOf = (field: string) => field.slice(field.lastIndexOf('.') + 1);

export function formatValue(field: string, value: unknown, locale: string, numberLocale: string, words: ValueWords): string {
  const leaf = leafOf(field);
  if (value === undefined || value === null) return words.notSet;
  if (typeof value === 'number') {
    if (MONEY.has(leaf)) return formatPrice(value, numberLocale);
    if (ODDS.has(leaf)) return formatOdds(value, numberLocale);
    if (MILLIS.has(leaf)) return words.seconds(new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 }).format(value / 1000));
    return new Intl.NumberFormat(numberLocale).format(value);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? formatDateTime(value, numberLocale) : value;
  if (isLocalized(value)) return localized(value, locale);
  if (Array.isArray(value)) {
    if (value.length === 0) return words.notSet;
    if (leaf === 'days' && value.every((d) => typeof d === 'number')) return value.map((d) => words.weekday(d as number)).join(' ');
    if (value.every((v) => typeof v !== 'object' || v === null || isLocalized(v))) return value.map((v) => formatValue(field, v, locale, numberLocale, words)).join(', ');
    return value.map((v) => describeObject(v, locale)).join(' · ');
  }
  return describeObject(value, locale);
}

/** An object (a playlist item, a wheel segment) in one line: its texts and values, no braces. */
function describeObject(value: unknown, locale: string): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (isLocalized(value)) return localized(value, locale);
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? (isLocalized(v) ? localized(v, locale) : JSON.stringify(v)) : String(v)}`)
    .join(', ');
}
