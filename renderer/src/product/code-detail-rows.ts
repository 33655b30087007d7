// The "this item" panel: what the scanned code says about the one item in hand, as
// label/value rows in the shopper's language.
import type { CodeDetails } from '../scan/gs1/code-details.ts';
import type { Gs1Date } from '../scan/gs1/gs1-date.ts';
import { formatMoney } from './money.ts';

export interface DetailRow {
  /** i18n key of the label, under product.* */
  label: string;
  value: string;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

function formatDate(date: Gs1Date, locale: string, t: Translate): string {
  const [y, m, d] = date.iso.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (date.endOfMonth) {
    const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc);
    return t('product.endOfMonth', { month });
  }
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc);
}

export function codeDetailRows(details: CodeDetails, locale: string, currency: string, t: Translate): DetailRow[] {
  const rows: DetailRow[] = [];
  const date = (label: string, value: Gs1Date | undefined) => value && rows.push({ label, value: formatDate(value, locale, t) });
  if (details.batch) rows.push({ label: 'product.codeBatch', value: details.batch });
  date('product.codeExpiry', details.expiry);
  date('product.codeBestBefore', details.bestBefore);
  date('product.codeSellBy', details.sellBy);
  date('product.codeProducedOn', details.producedOn);
  date('product.codePackedOn', details.packedOn);
  if (details.weight) {
    const unit = details.weight.unit === 'kg' ? 'kilogram' : 'pound';
    rows.push({ label: 'product.codeWeight', value: new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 3 }).format(details.weight.value) });
  }
  if (details.price) rows.push({ label: 'product.codePrice', value: formatMoney(details.price.value, currency, locale, details.price.unit) });
  if (details.count !== undefined) rows.push({ label: 'product.codeCount', value: new Intl.NumberFormat(locale).format(details.count) });
  if (details.serial) rows.push({ label: 'product.codeSerial', value: details.serial });
  return rows;
}
