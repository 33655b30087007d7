import { describe, expect, it } from 'vitest';
import { parseBarcode, parseDate, parseYuan, splitList } from './cell-values.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'ERROR');

describe('cells of a product sheet', () => {
  it('reads yuan with decimals as fen, exactly', () => {
    expect(['12.99', '¥12.99', '￥ 12.9', '12元', '1,299.00', '０.０１', '0.29'].map((c) => value(parseYuan(c)))).toEqual([1299, 1299, 1290, 1200, 129900, 1, 29]);
  });

  it('refuses prices that are not money', () => {
    expect(parseYuan('12.999')).toMatchObject({ ok: false, message: { en: expect.stringContaining('more than two decimals') } });
    expect(parseYuan('abc')).toMatchObject({ ok: false, fix: { 'zh-CN': expect.stringContaining('12.99') } });
    expect(parseYuan('-3')).toMatchObject({ ok: false });
  });

  it('reads dates written the usual ways and refuses days that do not exist', () => {
    expect(['2026-03-01', '2026/3/1', '2026.3.1', '20260301', '2026年3月1日'].map((c) => value(parseDate(c)))).toEqual(Array(5).fill('2026-03-01'));
    expect(parseDate('2026-02-30')).toMatchObject({ ok: false, message: { en: expect.stringContaining('does not exist') } });
  });

  it('turns EAN-13, UPC-A and EAN-8 into GTIN-14', () => {
    expect(value(parseBarcode('6901234567892'))).toBe('06901234567892');
    expect(value(parseBarcode('036000291452'))).toBe('00036000291452');
    expect(value(parseBarcode('96385074'))).toBe('00000096385074');
    expect(value(parseBarcode('690 1234 56789-2'))).toBe('06901234567892');
  });

  it('says what the check digit should be', () => {
    const result = parseBarcode('6901234567890');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.en).toContain('should be 2');
    expect(result.fix['zh-CN']).toContain('6901234567892');
  });

  it('recognises a barcode Excel turned into scientific notation', () => {
    expect(parseBarcode('6.90123E+12')).toMatchObject({ ok: false, fix: { en: expect.stringContaining('Text') } });
    expect(parseBarcode('69012345')).toMatchObject({ ok: false });
    expect(parseBarcode('690123456789')).toMatchObject({ ok: false, message: { en: expect.stringContaining('check digit') } });
  });

  it('splits lists on the separators people type', () => {
    expect(splitList('a; b，c、d|e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
