import { describe, expect, it } from 'vitest';
import type { ProductColumn } from '../../../content/lib/source/csv/columns.ts';
import { mergeProducts, putProduct, removeProduct } from './draft-products.ts';

const apple = {
  gtin: '6901234567892',
  category: 'fruit',
  name: { 'zh-CN': '红富士苹果', en: 'Fuji apple' },
  price: 1290,
  promoPrice: 990,
  images: ['media/products/apple.png'],
  origin: { region: { 'zh-CN': '山东烟台' }, story: { 'zh-CN': '果园的故事', en: 'The orchard' } },
};
const milk = { gtin: '00012345600012', category: 'dairy', name: { 'zh-CN': '牛奶' }, price: 600 };

const columns = (...names: ProductColumn[]) => new Set(names);

describe("a draft's products", () => {
  it('takes a price list without losing the pictures, names and stories the sheet has no column for', () => {
    const merged = mergeProducts([apple, milk], [{ gtin: '6901234567892', category: 'fruit', name: { 'zh-CN': '富士苹果' }, price: 1190 }], columns('gtin', 'nameZh', 'price', 'category', 'promoPrice'));
    // The promo price column is there and empty for the apple: its promotion ends.
    expect(merged).toEqual([{ ...apple, name: { 'zh-CN': '富士苹果', en: 'Fuji apple' }, price: 1190, promoPrice: undefined }, milk].map((p) => JSON.parse(JSON.stringify(p))));
  });

  it('clears a field whose column is empty, down to the objects it leaves empty', () => {
    const [updated] = mergeProducts([apple], [{ gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 1290 }], columns('gtin', 'nameZh', 'price', 'category', 'story', 'storyEn', 'region'));
    expect(updated).toEqual({ gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果', en: 'Fuji apple' }, price: 1290, promoPrice: 990, images: ['media/products/apple.png'] });
  });

  it("keeps a brand's English name when a sheet has only the brand column, and takes one from the English brand column", () => {
    const branded = { ...apple, brand: { 'zh-CN': '栖霞果园', en: 'Qixia Orchards' } };
    const [renamed] = mergeProducts([branded], [{ gtin: '6901234567892', category: 'fruit', name: apple.name, price: 1290, brand: { 'zh-CN': '烟台果园' } }], columns('gtin', 'nameZh', 'price', 'category', 'brand'));
    expect(renamed?.brand).toEqual({ 'zh-CN': '烟台果园', en: 'Qixia Orchards' });
    const [translated] = mergeProducts([{ ...apple, brand: '栖霞果园' }], [{ gtin: '6901234567892', category: 'fruit', name: apple.name, price: 1290, brand: { 'zh-CN': '栖霞果园', en: 'Qixia' } }], columns('gtin', 'nameZh', 'price', 'category', 'brand', 'brandEn'));
    expect(translated?.brand).toEqual({ 'zh-CN': '栖霞果园', en: 'Qixia' });
    const [cleared] = mergeProducts([branded], [{ gtin: '6901234567892', category: 'fruit', name: apple.name, price: 1290, brand: { 'zh-CN': '栖霞果园' } }], columns('gtin', 'nameZh', 'price', 'category', 'brand', 'brandEn'));
    expect(cleared?.brand).toEqual({ 'zh-CN': '栖霞果园' });
  });

  it('adds new barcodes at the end and finds products by any way of writing their code', () => {
    const banana = { gtin: '96385074', category: 'fruit', name: { 'zh-CN': '香蕉' }, price: 300 };
    expect(mergeProducts([apple], [banana], columns('gtin', 'nameZh', 'price', 'category')).map((p) => p.gtin)).toEqual(['6901234567892', '96385074']);
    expect(putProduct([apple, milk], '012345600012', { ...milk, price: 650 })[1]).toMatchObject({ price: 650 });
    expect(removeProduct([apple, milk], '06901234567892')).toEqual([milk]);
    expect(removeProduct([apple], '96385074')).toBeNull();
  });
});
