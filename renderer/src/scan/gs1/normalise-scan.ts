// Any scan → the catalog key(s) of a product, or a reason it is not a product code.
// Pure: the same text always gives the same answer (given the date, for GS1 centuries).
import { isValidGtin } from '../../../../content/schema/gtin.ts';
import { detailsFromElements, detailsFromVariableMeasure, type CodeDetails } from './code-details.ts';
import { looksLikeUri, parseDigitalLink } from './digital-link.ts';
import { GS, looksLikeHri, parseHriElementString, parseRawElementString, type ElementParse } from './element-string.ts';
import { gs1Carrier, isGs1Symbology, splitSymbologyId, type Gs1Carrier } from './symbology.ts';
import { expandUpcE } from './upce.ts';
import { readVariableMeasure, type VariableMeasureRule } from './variable-measure.ts';

export type CodeType =
  | 'ean-13'
  | 'ean-8'
  | 'upc-a'
  | 'upc-e'
  | 'gtin-14'
  | Gs1Carrier
  | 'digital-link'
  | 'variable-measure'
  | 'store-code';

/** What a scan was when it could not be read as a product code. */
export type UnrecognisedType = CodeType | 'url' | 'text' | 'unknown';

export type UnrecognisedReason =
  /** Nothing but whitespace. */
  | 'empty'
  /** Longer than any product code (garbage, a document in a QR). */
  | 'too-long'
  /** Control characters or bytes no barcode of ours carries. */
  | 'unreadable'
  /** A GTIN-length number whose check digit is wrong: a misread. */
  | 'bad-check-digit'
  /** GS1 data that breaks the GS1 rules (unknown AI, wrong length, 31 February). */
  | 'bad-gs1'
  /** Valid GS1 data without a product number (a pallet SSCC, a location GLN). */
  | 'no-product'
  /** A web link, a Wi-Fi QR, free text. */
  | 'not-a-product-code';

/** One way to find the scanned item in the catalog. */
export interface ScanCandidate {
  /** The catalog key: a GTIN-14, or a store code as written. */
  key: string;
  codeType: CodeType;
  details: CodeDetails;
}

export type ScanOutcome =
  | { recognised: true; candidates: [ScanCandidate, ...ScanCandidate[]]; symbology: string | null }
  | { recognised: false; reason: UnrecognisedReason; codeType: UnrecognisedType; symbology: string | null };

export interface ScanInput {
  text: string;
  /** The decoder's format name when known (zxing: EAN13, UPCE, Code128, QRCode…). */
  format?: string;
  /** AIM symbology identifier ("]C1") when known; scanners may also send it before the data. */
  symbologyId?: string;
}

export interface NormaliseOptions {
  /** "Today", for the century of two-digit GS1 years. */
  now?: Date;
  /** The store's scale-label layouts (default: PP IIIII VVVVV C, price in fen). */
  variableMeasure?: readonly VariableMeasureRule[];
}

/** No product code is longer (a GS1 DataMatrix tops out far below this for retail data). */
export const MAX_SCAN_LENGTH = 512;
const STORE_CODE = /^[0-9A-Za-z\-_.]{1,48}$/;
// Anything below space or DEL/C1, except GS (FNC1) and the CR/LF/TAB a scanner may end with.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001c\u001e\u001f\u007f-\u009f]/;

const reject = (reason: UnrecognisedReason, codeType: UnrecognisedType, symbology: string | null): ScanOutcome => ({
  recognised: false,
  reason,
  codeType,
  symbology,
});

const found = (symbology: string | null, first: ScanCandidate, ...rest: ScanCandidate[]): ScanOutcome => ({
  recognised: true,
  candidates: [first, ...rest],
  symbology,
});

function fromElements(parsed: ElementParse | { ok: false; problem: 'not-digital-link' }, codeType: CodeType, symbology: string | null, now: Date): ScanOutcome {
  if (!parsed.ok) return reject(parsed.problem === 'not-digital-link' ? 'not-a-product-code' : 'bad-gs1', codeType, symbology);
  const gtin = parsed.elements.find((e) => e.ai === '01')?.value;
  if (!gtin) return reject('no-product', codeType, symbology);
  return found(symbology, { key: gtin, codeType, details: detailsFromElements(parsed.elements, now) });
}

/** "01" + a valid GTIN-14 at the start: GS1 data sent without its symbology identifier. */
const startsWithAi01 = (text: string) => /^01\d{14}/.test(text) && isValidGtin(text.slice(2, 16));

function fromGtin13(gtin13: string, codeType: CodeType, symbology: string | null, rules: NormaliseOptions['variableMeasure']): ScanOutcome {
  const exact: ScanCandidate = { key: `0${gtin13}`, codeType, details: {} };
  const measured = readVariableMeasure(gtin13, rules);
  if (!measured) return found(symbology, exact);
  // A scale label: find the item by its number; a store may also list the exact code.
  return found(symbology, { key: `0${measured.lookupGtin13}`, codeType: 'variable-measure', details: detailsFromVariableMeasure(measured) }, exact);
}

function fromDigits(digits: string, format: string | undefined, symbology: string | null, rules: NormaliseOptions['variableMeasure']): ScanOutcome {
  const upcE = format === 'UPCE';
  if (digits.length === 8 || (upcE && (digits.length === 6 || digits.length === 7))) {
    const asEan8: ScanCandidate | null = !upcE && isValidGtin(digits) ? { key: digits.padStart(14, '0'), codeType: 'ean-8', details: {} } : null;
    const expanded = symbology === ']E4' || format === 'EAN8' ? null : expandUpcE(digits);
    const asUpcE: ScanCandidate | null = expanded?.ok ? { key: expanded.upca.padStart(14, '0'), codeType: 'upc-e', details: {} } : null;
    // Without a hint an 8-digit code can be an EAN-8 or a UPC-E: try both, EAN-8 first.
    const candidates = upcE ? [asUpcE] : [asEan8, asUpcE];
    const [first, ...rest] = candidates.filter((c): c is ScanCandidate => c !== null);
    return first ? found(symbology, first, ...rest) : reject('bad-check-digit', upcE ? 'upc-e' : 'ean-8', symbology);
  }
  if (digits.length === 12 || digits.length === 13) {
    const codeType: CodeType = format === 'UPCE' ? 'upc-e' : format === 'UPCA' || digits.length === 12 ? 'upc-a' : 'ean-13';
    if (!isValidGtin(digits)) return reject('bad-check-digit', codeType, symbology);
    return fromGtin13(digits.padStart(13, '0'), codeType, symbology, rules);
  }
  if (digits.length === 14) {
    return isValidGtin(digits) ? found(symbology, { key: digits, codeType: 'gtin-14', details: {} }) : reject('bad-check-digit', 'gtin-14', symbology);
  }
  // An EAN-13 followed by its 2- or 5-digit add-on (a magazine's issue number).
  if ((digits.length === 15 || digits.length === 18) && isValidGtin(digits.slice(0, 13))) {
    return fromGtin13(digits.slice(0, 13), 'ean-13', symbology, rules);
  }
  // Any other number may be a store's own code (a PLU, an SKU) listed in the catalog.
  return STORE_CODE.test(digits) ? found(symbology, { key: digits, codeType: 'store-code', details: {} }) : reject('not-a-product-code', 'text', symbology);
}

export function normaliseScan(input: ScanInput, options: NormaliseOptions = {}): ScanOutcome {
  const now = options.now ?? new Date();
  if (input.text.length > MAX_SCAN_LENGTH) return reject('too-long', 'unknown', input.symbologyId ?? null);
  const [sentId, rest] = splitSymbologyId(input.text);
  const symbology = input.symbologyId ?? sentId;
  const text = rest.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (text === '') return reject('empty', 'unknown', symbology);
  if (CONTROL.test(text)) return reject('unreadable', 'unknown', symbology);

  if (looksLikeUri(text)) {
    const parsed = parseDigitalLink(text, now);
    return parsed.ok || parsed.problem !== 'not-digital-link' ? fromElements(parsed, 'digital-link', symbology, now) : reject('not-a-product-code', 'url', symbology);
  }
  if (isGs1Symbology(symbology) || text.includes(GS) || looksLikeHri(text) || startsWithAi01(text)) {
    const carrier = gs1Carrier(symbology, input.format);
    return fromElements(looksLikeHri(text) ? parseHriElementString(text, now) : parseRawElementString(text, now), carrier, symbology, now);
  }
  if (/^\d+$/.test(text)) return fromDigits(text, input.format, symbology, options.variableMeasure);
  if (STORE_CODE.test(text)) return found(symbology, { key: text, codeType: 'store-code', details: {} });
  return reject('not-a-product-code', 'text', symbology);
}
