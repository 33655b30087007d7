import { describe, expect, it } from 'vitest';
import { printedGtin } from './printed-code.ts';

describe('a product code in a message', () => {
  it('is printed as the package prints it, not as the 14-digit key of the pack', () => {
    expect(printedGtin('06901234567892')).toBe('6901234567892'); // EAN-13
    expect(printedGtin('00012345678905')).toBe('012345678905'); // UPC-A
    expect(printedGtin('00000096385074')).toBe('96385074'); // EAN-8
    expect(printedGtin('10614141000415')).toBe('10614141000415'); // a case's GTIN-14
    expect(printedGtin('6901234567892')).toBe('6901234567892'); // already as written
  });
});
