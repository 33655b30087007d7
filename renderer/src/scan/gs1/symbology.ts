// AIM symbology identifiers ("]C1", "]d2", "]E0"…): which kind of barcode a scan came
// from. Decoders report them; scanners send them first when set to.

/** The identifiers that announce GS1 element strings (FNC1 in first position). */
const GS1_SYMBOLOGIES = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);

const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** Splits a leading AIM identifier off scanned text: "]C1010950…" → ["]C1", "010950…"]. */
export function splitSymbologyId(text: string): [string | null, string] {
  return AIM_PREFIX.test(text) ? [text.slice(0, 3), text.slice(3)] : [null, text];
}

export function isGs1Symbology(id: string | null | undefined): boolean {
  return id !== null && id !== undefined && GS1_SYMBOLOGIES.has(id);
}

export type Gs1Carrier = 'gs1-128' | 'gs1-datamatrix' | 'gs1-qr' | 'gs1';

/** Which barcode carried GS1 data, from the identifier or the decoder's format name. */
export function gs1Carrier(symbologyId: string | null, format: string | undefined): Gs1Carrier {
  const id = symbologyId?.slice(0, 2);
  if (id === ']C' || format === 'Code128') return 'gs1-128';
  if (id === ']d' || format === 'DataMatrix') return 'gs1-datamatrix';
  if (id === ']Q' || format === 'QRCode') return 'gs1-qr';
  return 'gs1';
}
