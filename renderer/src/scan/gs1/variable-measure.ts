// In-store variable-measure codes (GS1 restricted circulation numbers, prefixes 02 and
// 20–29): a scale label whose EAN-13 carries the item number and its price or weight.
// The item is looked up with the price/weight digits zeroed; the value is shown.
import { withCheckDigit } from '../../../../content/schema/gtin.ts';

export type Measure = 'price' | 'weight';

/** How a store lays out one prefix: PP + item digits + value digits + check digit = 13. */
export interface VariableMeasureRule {
  prefix: string;
  /** 4–6 item digits; the value takes the remaining 10 − itemDigits digits. */
  itemDigits: number;
  /** "price" in minor units of the pack currency, "weight" in grams. */
  measure: Measure;
}

export const VARIABLE_MEASURE_PREFIXES = ['02', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29'] as const;

/**
 * The common scale layout (PP IIIII VVVVV C, the value a price in fen). Stores whose
 * scales print weight under some prefixes pass their own rules.
 */
export const DEFAULT_VARIABLE_MEASURE_RULES: readonly VariableMeasureRule[] = VARIABLE_MEASURE_PREFIXES.map((prefix) => ({
  prefix,
  itemDigits: 5,
  measure: 'price',
}));

export interface VariableMeasureRead {
  /** The EAN-13 with the value digits zeroed and the check digit recomputed: the catalog key. */
  lookupGtin13: string;
  prefix: string;
  item: string;
  measure: Measure;
  /** Minor units for a price, grams for a weight. */
  value: number;
}

/** True for an EAN-13 in the variable-measure range (02, 20–29). */
export function isVariableMeasure(gtin13: string): boolean {
  return /^\d{13}$/.test(gtin13) && (VARIABLE_MEASURE_PREFIXES as readonly string[]).includes(gtin13.slice(0, 2));
}

/** Splits a valid variable-measure EAN-13 by the store's rules; null outside that range. */
export function readVariableMeasure(gtin13: string, rules: readonly VariableMeasureRule[] = DEFAULT_VARIABLE_MEASURE_RULES): VariableMeasureRead | null {
  if (!isVariableMeasure(gtin13)) return null;
  const prefix = gtin13.slice(0, 2);
  const rule = rules.find((r) => r.prefix === prefix);
  if (!rule || rule.itemDigits < 4 || rule.itemDigits > 6) return null;
  const item = gtin13.slice(2, 2 + rule.itemDigits);
  const valueDigits = 10 - rule.itemDigits;
  return {
    lookupGtin13: withCheckDigit(prefix + item + '0'.repeat(valueDigits)),
    prefix,
    item,
    measure: rule.measure,
    value: Number(gtin13.slice(2 + rule.itemDigits, 12)),
  };
}
