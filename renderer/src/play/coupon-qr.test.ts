import { describe, expect, it } from 'vitest';
import { TOKEN_LENGTH } from '../../../content/schema/coupon/index.ts';
import { qrModules } from '../components/qr-modules.ts';
import { couponQrText } from './coupon-qr.ts';

// The longest a token gets: 152 base32 characters.
const token = 'A'.repeat(TOKEN_LENGTH - 8) + 'Z7Z7Z7Z7';

describe('coupon QR code', () => {
  it('fits a bare token in a version-6 code at error correction M, small enough to read off a screen', () => {
    const qr = qrModules(couponQrText(token));
    expect(qr.text).toBe(token);
    expect(qr.version).toBeLessThanOrEqual(6);
    expect(qr.size).toBe(41);
  });

  it('puts the token into the pack\'s claim link, upper-casing the host so the link stays compact', () => {
    const text = couponQrText(token, 'https://m.shop.example.cn/c/{token}');
    expect(text).toBe(`HTTPS://M.SHOP.EXAMPLE.CN/c/${token}`);
    expect(qrModules(text).version).toBeLessThanOrEqual(8);
  });
});
