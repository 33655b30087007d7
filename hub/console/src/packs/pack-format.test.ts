import { describe, expect, it } from 'vitest';
import { formatBytes, formatOdds, formatPrice, inLanguage, localized, printedCode } from './pack-format.ts';

describe('how the packs pages write numbers and texts', () => {
  it('writes sizes as a file manager does', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(45 * 1024 ** 2 + 300 * 1024, 'en')).toBe('45.3 MB');
    expect(formatBytes(1024 ** 3, 'zh-CN')).toBe('1.0 GB');
    expect(formatBytes(250 * 1024 ** 2, 'en')).toBe('250 MB');
  });

  it('writes fen as yuan, and odds as a percentage', () => {
    expect(formatPrice(1290, 'en')).toBe('¥12.90');
    expect(formatPrice(990, 'zh-CN')).toBe('¥9.90');
    expect(formatOdds(0.125, 'en')).toBe('12.5%');
    expect(formatOdds(1, 'zh-CN')).toBe('100%');
  });

  it('picks the console’s language from the hub’s two, and falls back to Chinese for a pack’s text', () => {
    expect(inLanguage({ zh: '签名不对', en: 'the signature does not match' }, 'en')).toBe('the signature does not match');
    expect(inLanguage({ zh: '签名不对', en: 'the signature does not match' }, 'zh-CN')).toBe('签名不对');
    expect(localized({ 'zh-CN': '苹果' }, 'en')).toBe('苹果');
    expect(localized({ 'zh-CN': '苹果', en: 'Apple' }, 'en')).toBe('Apple');
  });

  it('writes a barcode as the package prints it, not as the 14-digit key', () => {
    expect(printedCode('06921568001022')).toBe('6921568001022');
    expect(printedCode('00012345678905')).toBe('012345678905');
    expect(printedCode('00000096385074')).toBe('96385074');
    expect(printedCode('16921568001029')).toBe('16921568001029');
    expect(printedCode('PLU-4131')).toBe('PLU-4131');
  });
});
