// What a code says about the one item in the shopper's hand (batch, dates, serial,
// weight, price), read from its GS1 elements or its variable-measure digits.
import type { Gs1Element } from './element-string.ts';
import { parseGs1Date, type Gs1Date } from './gs1-date.ts';
import type { VariableMeasureRead } from './variable-measure.ts';

export interface CodeDetails {
  batch?: string;
  serial?: string;
  expiry?: Gs1Date;
  bestBefore?: Gs1Date;
  sellBy?: Gs1Date;
  producedOn?: Gs1Date;
  packedOn?: Gs1Date;
  /** Net weight: kg or lb from AI 310n/320n, kg from a scale label. */
  weight?: { value: number; unit: 'kg' | 'lb' };
  /** Price to pay: "minor" (fen, from a scale label) or "major" (yuan, from AI 392n). */
  price?: { value: number; unit: 'minor' | 'major' };
  count?: number;
}

const DATE_FIELDS: Record<string, keyof Pick<CodeDetails, 'expiry' | 'bestBefore' | 'sellBy' | 'producedOn' | 'packedOn'>> = {
  '17': 'expiry',
  '15': 'bestBefore',
  '16': 'sellBy',
  '11': 'producedOn',
  '13': 'packedOn',
};

/** A GS1 decimal: the last digit of a 310n/392n AI says how many decimals the value has. */
const decimal = (ai: string, value: string) => Number(value) / 10 ** Number(ai[3]);

/** Reads the item details from checked GS1 elements (dates are already known to be valid). */
export function detailsFromElements(elements: readonly Gs1Element[], now: Date): CodeDetails {
  const details: CodeDetails = {};
  for (const { ai, value } of elements) {
    const dateField = DATE_FIELDS[ai];
    if (dateField) {
      const date = parseGs1Date(value, true, now);
      if (date) details[dateField] = date;
    } else if (ai === '10') details.batch = value;
    else if (ai === '21') details.serial = value;
    else if (/^310\d$/.test(ai)) details.weight = { value: decimal(ai, value), unit: 'kg' };
    else if (/^320\d$/.test(ai)) details.weight = { value: decimal(ai, value), unit: 'lb' };
    else if (/^392\d$/.test(ai)) details.price = { value: decimal(ai, value), unit: 'major' };
    else if (ai === '30' || ai === '37') details.count = Number(value);
  }
  return details;
}

export function detailsFromVariableMeasure(read: VariableMeasureRead): CodeDetails {
  return read.measure === 'price'
    ? { price: { value: read.value, unit: 'minor' } }
    : { weight: { value: read.value / 1000, unit: 'kg' } };
}

export function hasDetails(details: CodeDetails): boolean {
  return Object.keys(details).length > 0;
}
