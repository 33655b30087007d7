// A product code in a message, as the merchandiser wrote it and as the package prints it:
// the pack keys products by 14-digit GTIN, but nobody can find "06901234567892" on a box
// that says 6901234567892.

/**
 * A GTIN-14 key without the zeros the pack put in front: 8 digits (EAN-8), 12 (UPC-A,
 * whose EAN-13 form starts with 0) or 13 (EAN-13). A real GTIN-14 stays as it is.
 */
export function printedGtin(gtin14: string): string {
  if (!/^\d{14}$/.test(gtin14) || !gtin14.startsWith('0')) return gtin14;
  if (gtin14.startsWith('000000')) return gtin14.slice(6);
  if (gtin14.startsWith('00')) return gtin14.slice(2);
  return gtin14.slice(1);
}
