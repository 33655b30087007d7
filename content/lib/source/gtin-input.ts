// Barcodes as people type them: EAN-13, UPC-A and EAN-8 become the 14-digit key.

/**
 * Pads an 8, 12 or 13 digit code to 14 digits whether or not its check digit is right
 * (leading zeros do not change a GS1 check digit), so the schema can then say which
 * check digit is expected. Anything else is returned as it was.
 */
export function padGtin(code: string): string {
  return /^(\d{8}|\d{12}|\d{13})$/.test(code) ? code.padStart(14, '0') : code;
}

/** Pads the GTIN fields of raw product JSON (gtin, related) before it is validated. */
export function padProductGtins(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = { ...(raw as Record<string, unknown>) };
  if (typeof record.gtin === 'string') record.gtin = padGtin(record.gtin.trim());
  if (Array.isArray(record.related)) record.related = record.related.map((g) => (typeof g === 'string' ? padGtin(g.trim()) : g));
  return record;
}

/** Pads the product list of raw promotion JSON. */
export function padPromotionGtins(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const record = { ...(raw as Record<string, unknown>) };
  if (Array.isArray(record.products)) record.products = record.products.map((g) => (typeof g === 'string' ? padGtin(g.trim()) : g));
  return record;
}
