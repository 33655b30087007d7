import { describe, expect, it } from 'vitest';
import type { Product } from '../../../content/schema/product.ts';
import type { Promotion } from '../../../content/schema/promotion.ts';
import { codeDetailRows } from './code-detail-rows.ts';
import { formatMoney, toMajorUnits } from './money.ts';
import { phoneLink } from './phone-link.ts';
import { offersFor } from './product-offers.ts';
import { productViewedProperties } from './product-viewed.ts';

const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}(${JSON.stringify(values)})` : key);

describe('prices', () => {
  it('shows minor units in the pack currency and the shopper language', () => {
    expect(formatMoney(1299, 'CNY', 'zh-CN')).toBe('¥12.99');
    expect(formatMoney(1299, 'CNY', 'en')).toBe('¥12.99');
    expect(formatMoney(1299, 'CNY', 'zh-CN')).toBe('¥12.99');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    expect(formatMoney(1.99, 'CNY', 'zh-CN', 'major')).toBe('¥1.99');
    expect(toMajorUnits(1290, 'CNY')).toBe(12.9);
  });
});

describe('continue on your phone', () => {
  it('fills the GTIN into the pack template', () => {
    expect(phoneLink('https://m.shop.example/p/{gtin}?from=kiosk', '06901234567892')).toBe('https://m.shop.example/p/06901234567892?from=kiosk');
  });
  it('offers no link without a template or for a template that is not a web link', () => {
    expect(phoneLink(undefined, '06901234567892')).toBeNull();
    expect(phoneLink('javascript:alert({gtin})', '06901234567892')).toBeNull();
  });
});

describe('offers on a product page', () => {
  it('lists only the offers naming the product', () => {
    const promos = [
      { id: 'a', title: { 'zh-CN': 'A' }, products: ['06901234567892'] },
      { id: 'b', title: { 'zh-CN': 'B' }, products: [] },
      { id: 'c', title: { 'zh-CN': 'C' }, products: ['00000000000017', '06901234567892'] },
    ] as Promotion[];
    expect(offersFor(promos, '06901234567892').map((p) => p.id)).toEqual(['a', 'c']);
  });
});

describe('the Product Viewed event', () => {
  it('carries the Segment properties with the price the shopper pays in major units', () => {
    const product = { gtin: '06901234567892', category: 'fruit', brand: 'Orchard', name: { 'zh-CN': '苹果', en: 'Apple' }, price: 1290, promoPrice: 990 } as Product;
    expect(productViewedProperties(product, 'CNY', 'scan')).toEqual({
      product_id: '06901234567892',
      sku: '06901234567892',
      category: 'fruit',
      name: '苹果',
      brand: 'Orchard',
      price: 9.9,
      currency: 'CNY',
      via: 'scan',
    });
  });
});

describe('what the code says about the item', () => {
  it('lists batch, dates (end of month said so), weight, label price and serial', () => {
    const rows = codeDetailRows(
      {
        batch: 'LOT-42',
        expiry: { iso: '2026-02-28', endOfMonth: true },
        bestBefore: { iso: '2026-12-31', endOfMonth: false },
        weight: { value: 1.25, unit: 'kg' },
        price: { value: 1250, unit: 'minor' },
        serial: 'SN0001',
      },
      'en',
      'CNY',
      t,
    );
    expect(rows).toEqual([
      { label: 'product.codeBatch', value: 'LOT-42' },
      { label: 'product.codeExpiry', value: 'product.endOfMonth({"month":"February 2026"})' },
      { label: 'product.codeBestBefore', value: 'December 31, 2026' },
      { label: 'product.codeWeight', value: '1.25 kg' },
      { label: 'product.codePrice', value: '¥12.50' },
      { label: 'product.codeSerial', value: 'SN0001' },
    ]);
  });

  it('writes dates the Chinese way for Chinese shoppers', () => {
    expect(codeDetailRows({ expiry: { iso: '2026-12-31', endOfMonth: false } }, 'zh-CN', 'CNY', t)).toEqual([{ label: 'product.codeExpiry', value: '2026年12月31日' }]);
  });

  it('has nothing to list for a plain EAN', () => {
    expect(codeDetailRows({}, 'en', 'CNY', t)).toEqual([]);
  });
});
