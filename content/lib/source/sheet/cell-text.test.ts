import { describe, expect, it } from 'vitest';
import { cellText, plainNumber } from './cell-text.ts';

describe('the text of a spreadsheet cell', () => {
  it('writes numbers out in full, as the sheet shows them', () => {
    expect([6901234567892, 0.1 + 0.2, 12.5, 1e20, 3].map(plainNumber)).toEqual(['6901234567892', '0.3', '12.5', '100000000000000000000', '3']);
  });

  it('gives a barcode typed as a number back its leading zeros', () => {
    expect(cellText({ value: 36000291452, numFmt: '000000000000' }, 'gtin')).toBe('036000291452');
    expect(cellText({ value: 36000291452 }, 'gtin')).toBe('036000291452');
    expect(cellText({ value: 6385074 }, 'gtin')).toBe('06385074');
    expect(cellText({ value: 4131 }, 'code')).toBe('4131');
    expect(cellText({ value: 4131, numFmt: '000000' }, 'code')).toBe('004131');
  });

  it('reads dates from date cells and from the day numbers Excel keeps', () => {
    expect(cellText({ value: new Date(Date.UTC(2026, 2, 1, 15)) }, 'date')).toBe('2026-03-01');
    expect(cellText({ value: 46082 }, 'date')).toBe('2026-03-01');
    expect(cellText({ value: 46082 }, 'plain')).toBe('46082');
    expect(cellText({ value: '  2026/3/1 ' }, 'date')).toBe('2026/3/1');
  });
});
