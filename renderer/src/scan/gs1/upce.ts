// UPC-E: the zero-suppressed 8-digit form of a UPC-A, expanded back to its 12 digits
// (GS1 General Specifications 5.2.2.4.2). The check digit of a UPC-E is that of the
// UPC-A it stands for.
import { gs1CheckDigit } from '../../../../content/schema/gtin.ts';

/**
 * The UPC-A body (11 digits, no check digit) for a number system digit (0 or 1) and
 * the six UPC-E data digits.
 */
function expandBody(numberSystem: string, d: string): string {
  const [d1, d2, d3, d4, d5, d6] = d;
  switch (d6) {
    case '0':
    case '1':
    case '2':
      return `${numberSystem}${d1}${d2}${d6}0000${d3}${d4}${d5}`;
    case '3':
      return `${numberSystem}${d1}${d2}${d3}00000${d4}${d5}`;
    case '4':
      return `${numberSystem}${d1}${d2}${d3}${d4}00000${d5}`;
    default:
      return `${numberSystem}${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  }
}

export type UpceExpansion = { ok: true; upca: string } | { ok: false; problem: 'not-upce' | 'bad-check-digit' };

/**
 * Expands a UPC-E to its 12-digit UPC-A. Accepts the full 8 digits (number system,
 * six data digits, check digit), 7 digits (no check digit) or the bare 6 data digits
 * (number system 0), as scanners can be set to send any of these.
 */
export function expandUpcE(code: string): UpceExpansion {
  let numberSystem = '0';
  let data: string;
  let check: string | undefined;
  if (/^[01]\d{7}$/.test(code)) [numberSystem, data, check] = [code[0]!, code.slice(1, 7), code[7]];
  else if (/^[01]\d{6}$/.test(code)) [numberSystem, data] = [code[0]!, code.slice(1)];
  else if (/^\d{6}$/.test(code)) data = code;
  else return { ok: false, problem: 'not-upce' };
  const body = expandBody(numberSystem, data);
  const digit = String(gs1CheckDigit(body));
  if (check !== undefined && check !== digit) return { ok: false, problem: 'bad-check-digit' };
  return { ok: true, upca: body + digit };
}
