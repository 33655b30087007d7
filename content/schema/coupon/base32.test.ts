import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('base32', () => {
  it('matches the RFC 4648 test vectors (without padding)', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(bytes(plain))).toBe(encoded);
      expect(base32Decode(encoded)).toEqual(bytes(plain));
    }
  });

  it('round-trips every byte value and reads lower case', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = base32Encode(all);
    expect(text).toMatch(/^[A-Z2-7]+$/);
    expect(base32Decode(text)).toEqual(all);
    expect(base32Decode(text.toLowerCase())).toEqual(all);
  });

  it('refuses characters outside the alphabet and dangling bits', () => {
    expect(base32Decode('MZXW6YT1')).toBeNull(); // 1 is not base32
    expect(base32Decode('MZ=')).toBeNull();
    expect(base32Decode('MZX')).toBeNull(); // 15 bits: a whole stray character
    expect(base32Decode('MZ')).toBeNull(); // 'f' is MY; MZ leaves non-zero padding bits
  });
});
