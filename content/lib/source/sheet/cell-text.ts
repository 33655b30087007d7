// A spreadsheet cell → the text a merchandiser sees in it. Numbers stored as numbers are
// written out in full (a barcode never becomes 6.9E+12), with the leading zeros a
// "000000000000" format shows or a barcode plainly lost; dates become 2026-03-01.

/** A cell as the sheet holds it: text, a number, a date, true/false, or nothing. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetCell {
  value: CellValue;
  /** The cell's number format, e.g. "000000000000" or "yyyy-mm-dd" (Excel files only). */
  numFmt?: string | undefined;
}

/**
 * How a column's numbers are read: as GS1 barcodes, as other codes (store SKUs, PLUs:
 * digits kept, zeros only where the format shows them), as dates, or as plain numbers.
 */
export type CellKind = 'gtin' | 'code' | 'date' | 'plain';

/** The lengths a GS1 product code has. */
const GTIN_LENGTHS = [8, 12, 13, 14];

/** Excel counts days from 1899-12-30 (with its 1900 leap-year slip already in the count). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** 0.30000000000000004 → "0.3": the number as the sheet shows it, never in exponent form. */
export function plainNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  // Very small or large non-integers: fixed notation, trailing zeros dropped.
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * A whole number in a barcode column → its digits. A format of zeros ("000000000000")
 * says how many digits the sheet shows; without one, a code shorter than every GS1
 * length lost its leading zeros when it was typed as a number (UPC-A 036000291452 is
 * stored as 36000291452), and gets them back up to the next GS1 length.
 */
function codeDigits(value: number, numFmt: string | undefined, gtin: boolean): string {
  const digits = plainNumber(value);
  if (!/^\d+$/.test(digits)) return digits;
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  if (zeros > digits.length) return digits.padStart(zeros, '0');
  if (!gtin || GTIN_LENGTHS.includes(digits.length) || digits.length > 14) return digits;
  const length = GTIN_LENGTHS.find((n) => n > digits.length);
  return length ? digits.padStart(length, '0') : digits;
}

/** A number Excel keeps for a date (days since 1899-12-30), when it is a plausible one. */
function serialDate(value: number): string | null {
  if (!(value >= 1 && value < 2_958_466)) return null;
  return isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS));
}

export function cellText(cell: SheetCell, kind: CellKind): string {
  const { value } = cell;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  if ((kind === 'gtin' || kind === 'code') && Number.isInteger(value) && value >= 0) return codeDigits(value, cell.numFmt, kind === 'gtin');
  if (kind === 'date') return serialDate(value) ?? plainNumber(value);
  return plainNumber(value);
}
