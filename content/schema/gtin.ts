// GS1 check digits and GTIN-14 keys: the one piece of GS1 arithmetic the pack format,
// the merchandiser tool and the scanner all share.

/** The GS1 mod-10 check digit for `body` (all digits except the check digit). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is 8, 12, 13 or 14 digits with a correct GS1 check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** Pads a valid GTIN-8/12/13/14 to the 14-digit key used everywhere in a pack, or null. */
export function toGtin14(code: string): string | null {
  return isValidGtin(code) ? code.padStart(14, '0') : null;
}

/** Appends the check digit to a 7, 11, 12 or 13 digit body. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/**
 * True when a GTIN-14 key is a public product number: not one of GS1's restricted
 * circulation ranges, which shops use for their own items, weighed goods, coupons and
 * refund receipts — and which loyalty and membership cards often carry. A number in
 * those ranges may identify a person, so it never leaves the kiosk unless the catalogue
 * knows it as a product.
 */
export function isPublicGtin(gtin14: string): boolean {
  if (!/^\d{14}$/.test(gtin14) || !isValidGtin(gtin14)) return false;
  // A GTIN-8 (six leading zeros): prefixes 0 and 2 are restricted (velocity codes).
  if (gtin14.startsWith('000000')) return !/^[02]/.test(gtin14.slice(6));
  // GTIN-12/13/14: the GS1 prefix is the first three digits of the GTIN-13 part.
  const prefix = Number(gtin14.slice(1, 4));
  const restricted =
    (prefix >= 20 && prefix <= 29) || // restricted circulation within a company
    (prefix >= 40 && prefix <= 59) || // in-store numbers; UPC coupons
    (prefix >= 200 && prefix <= 299) || // restricted circulation within a region (weighed goods, own items)
    (prefix >= 980 && prefix <= 999); // refund receipts, coupons
  return !restricted;
}
