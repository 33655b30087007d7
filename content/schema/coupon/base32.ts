// RFC 4648 base32 (A–Z, 2–7, no padding). Every character is in the QR code's
// alphanumeric set, so a token costs 5.5 bits per 5 bits of data in a QR code, and it
// is safe in a URL path. Decoding ignores case.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes of a base32 text, or null when it holds a character outside the alphabet or stray bits. */
export function base32Decode(text: string): Uint8Array | null {
  const clean = text.toUpperCase();
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of clean) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (buffer >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  // Leftover bits must be padding zeros, and never a whole extra character.
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
