import { describe, expect, it } from 'vitest';
import { isPublicGtin, toGtin14, withCheckDigit } from './gtin.ts';

const key = (body: string) => toGtin14(withCheckDigit(body))!;

describe('isPublicGtin', () => {
  it('is true for ordinary product numbers from Chinese, European and US makers', () => {
    expect(isPublicGtin(key('690123456789'))).toBe(true); // EAN-13, China
    expect(isPublicGtin(key('400638133393'))).toBe(true); // EAN-13, Germany
    expect(isPublicGtin(key('03600029145'))).toBe(true); // UPC-A
    expect(isPublicGtin(key('978030640615'))).toBe(true); // ISBN as EAN-13
    expect(isPublicGtin(key('6901234'))).toBe(true); // EAN-8 from a company prefix
  });

  it('is false for restricted-circulation numbers: own items, weighed goods, coupons, loyalty cards', () => {
    expect(isPublicGtin(key('200000012345'))).toBe(false); // in-store number (2xx)
    expect(isPublicGtin(key('291234500000'))).toBe(false); // weighed goods with a price
    expect(isPublicGtin(key('21234567890'))).toBe(false); // UPC-A weighed goods (number system 2)
    expect(isPublicGtin(key('41234567890'))).toBe(false); // UPC-A in-store (number system 4)
    expect(isPublicGtin(key('51234567890'))).toBe(false); // UPC-A coupon (number system 5)
    expect(isPublicGtin(key('981234567890'))).toBe(false); // coupon
    expect(isPublicGtin(key('990000123456'))).toBe(false); // coupon
    expect(isPublicGtin(key('2123456'))).toBe(false); // EAN-8 velocity code
    expect(isPublicGtin(key('0123456'))).toBe(false); // EAN-8 velocity code
  });

  it('is false for anything that is not a valid GTIN-14 key', () => {
    expect(isPublicGtin('06901234567890')).toBe(false); // wrong check digit
    expect(isPublicGtin('6901234567892')).toBe(false); // 13 digits: not a key
    expect(isPublicGtin('MEMBER-0042')).toBe(false);
  });
});
