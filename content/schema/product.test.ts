import { describe, expect, it } from 'vitest';
import { brandName, Product } from './product.ts';

const base = { gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 590 };

describe('a product brand', () => {
  it('is one name shown in every language, or a name per language with English falling back to Chinese', () => {
    const one = Product.parse({ ...base, brand: 'FreshPick' });
    expect([brandName(one.brand, 'zh-CN'), brandName(one.brand, 'en')]).toEqual(['FreshPick', 'FreshPick']);
    const two = Product.parse({ ...base, brand: { 'zh-CN': '鲜选果园', en: 'FreshPick Orchards' } });
    expect([brandName(two.brand, 'zh-CN'), brandName(two.brand, 'en')]).toEqual(['鲜选果园', 'FreshPick Orchards']);
    const chineseOnly = Product.parse({ ...base, brand: { 'zh-CN': '鲜选果园' } });
    expect(brandName(chineseOnly.brand, 'en')).toBe('鲜选果园');
    expect(brandName(Product.parse(base).brand, 'en')).toBe('');
  });

  it('refuses a brand without its Chinese name, or in a language the kiosk does not speak', () => {
    expect(Product.safeParse({ ...base, brand: { en: 'FreshPick' } }).success).toBe(false);
    expect(Product.safeParse({ ...base, brand: { 'zh-CN': '鲜选', fr: 'Frais' } }).success).toBe(false);
  });
});
