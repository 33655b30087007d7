// Times and numbers as a person reads them; pure, so the tests need no DOM.

export type Age = { unit: 'now' } | { unit: 'min' | 'hours' | 'days'; n: number };

/** How long ago, rounded the way people say it: "just now", 3 min, 5 h, 2 days. */
export function ageOf(ms: number): Age {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return { unit: 'now' };
  if (min < 60) return { unit: 'min', n: min };
  const hours = Math.floor(min / 60);
  if (hours < 48) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

// Intl formatters are slow to make and a table formats thousands of cells: one per kind and locale.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

export function formatNumber(value: number, locale: string, digits = 0): string {
  return cached(`n:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value);
}

export function formatDateTime(at: number | string | Date, locale: string): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

/** A chart axis label: day and time, short. */
export function formatAxisTime(at: number, locale: string): string {
  return cached(`axis:${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })).format(new Date(at));
}
