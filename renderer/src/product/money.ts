// Prices as a shopper reads them: minor units (fen) of the pack's currency, shown with
// the currency's local sign and decimals in the shopper's language.

/** Decimal places of a currency (CNY 2, JPY 0). */
export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1299 fen → 12.99 (for events, which carry major units as Segment expects). */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDecimals(currency);
}

/**
 * The price as the store's own price tags write it: the currency's local sign in every
 * language ("¥12.99", never "CN¥12.99" in English — the shopper is in the store).
 */
export function formatMoney(amount: number, currency: string, locale: string, unit: 'minor' | 'major' = 'minor'): string {
  const major = unit === 'minor' ? toMajorUnits(amount, currency) : amount;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(major);
}
