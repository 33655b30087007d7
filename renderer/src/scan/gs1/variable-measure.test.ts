import { describe, expect, it } from 'vitest';
import { isValidGtin, withCheckDigit } from '../../../../content/schema/gtin.ts';
import { DEFAULT_VARIABLE_MEASURE_RULES, isVariableMeasure, readVariableMeasure } from './variable-measure.ts';

describe('variable-measure (scale label) codes', () => {
  it('covers exactly the GS1 restricted-circulation prefixes 02 and 20–29', () => {
    expect(isVariableMeasure('2012345012509')).toBe(true);
    expect(isVariableMeasure('0212345012509')).toBe(true);
    expect(isVariableMeasure('2912345012509')).toBe(true);
    expect(isVariableMeasure('6901234567892')).toBe(false);
    expect(isVariableMeasure('0312345012509')).toBe(false);
    expect(isVariableMeasure('3012345012509')).toBe(false);
    expect(isVariableMeasure('201234501250')).toBe(false);
  });

  it('zeroes the price digits for lookup and keeps the price', () => {
    const read = readVariableMeasure('2012345012509');
    expect(read).toEqual({ lookupGtin13: '2012345000001', prefix: '20', item: '12345', measure: 'price', value: 1250 });
    expect(isValidGtin(read!.lookupGtin13)).toBe(true);
  });

  it('gives the same lookup key whatever the price', () => {
    expect(readVariableMeasure('2012345099995')?.lookupGtin13).toBe(readVariableMeasure('2012345000018')?.lookupGtin13);
  });

  it('follows a store layout with weight in grams and a longer item number', () => {
    const rules = [...DEFAULT_VARIABLE_MEASURE_RULES.filter((r) => r.prefix !== '28'), { prefix: '28', itemDigits: 6, measure: 'weight' as const }];
    const read = readVariableMeasure(withCheckDigit('281234561235'), rules);
    expect(read).toMatchObject({ item: '123456', measure: 'weight', value: 1235 });
    expect(read?.lookupGtin13).toMatch(/^281234560000\d$/);
  });

  it('returns nothing for a prefix the store did not configure', () => {
    expect(readVariableMeasure('2012345012509', [])).toBeNull();
  });
});
