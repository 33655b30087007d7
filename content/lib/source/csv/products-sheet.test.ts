import { describe, expect, it } from 'vitest';
import type { Category } from '../../../schema/product.ts';
import { readProductSheet } from './products-sheet.ts';

const categories: Category[] = [
  { id: 'fruit', name: { 'zh-CN': '水果', en: 'Fruit' } },
  { id: 'dairy', name: { 'zh-CN': '乳品', en: 'Dairy' } },
];
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('product sheets (CSV)', () => {
  it('reads a UTF-8 sheet with BOM and Chinese headers into products', () => {
    const sheet = '\uFEFF条码,商品名称,英文名称,售价(元),促销价,分类,品牌,规格,产地,批次,生产日期,图片,相关商品\n' + '6901234567892,红富士苹果,Fuji apple,12.90,9.9,水果,鲜果园,500g,山东烟台,B2026-03,2026/3/1,apple.png;products/apple-2.png,6901234567908\n' + '6901234567908,鲜牛奶,Fresh milk,15.9,,dairy,,1L,,,,,\n';
    const result = readProductSheet(utf8(sheet), 'products.csv', categories);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.value.gtin)).toEqual(['06901234567892', '06901234567908']);
    const apple = result.records[0]!.value;
    expect(apple).toMatchObject({
      name: { 'zh-CN': '红富士苹果', en: 'Fuji apple' },
      price: 1290,
      promoPrice: 990,
      category: 'fruit',
      brand: { 'zh-CN': '鲜果园' },
      images: ['media/apple.png', 'media/products/apple-2.png'],
      related: ['06901234567908'],
      specs: [{ label: { 'zh-CN': '规格', en: 'Size' }, value: { 'zh-CN': '500g' } }],
      origin: { region: { 'zh-CN': '山东烟台' }, batch: 'B2026-03', producedOn: '2026-03-01' },
    });
    expect(result.records[0]!.where).toMatchObject({ file: 'products.csv', row: 2 });
    expect(result.rows[1]).toEqual({ gtin: '6901234567908', category: 'dairy', name: { 'zh-CN': '鲜牛奶', en: 'Fresh milk' }, price: 1590, specs: [{ label: { 'zh-CN': '规格', en: 'Size' }, value: { 'zh-CN': '1L' } }] });
  });

  it('reads an English brand beside the Chinese one, and says when a brand has no Chinese name', () => {
    const sheet = '条码,名称,价格,分类,品牌,英文品牌\n6901234567892,苹果,5,水果,鲜果园,FreshOrchard\n6901234567908,梨,5,水果,,Pear Farm\n';
    const { records, problems } = readProductSheet(utf8(sheet), 'products.csv', categories);
    expect(records.map((r) => r.value.brand)).toEqual([{ 'zh-CN': '鲜果园', en: 'FreshOrchard' }]);
    expect(problems).toMatchObject([{ row: 3, column: '品牌', message: { en: expect.stringMatching(/with the Chinese one/) }, fix: { en: expect.stringMatching(/English brand/) } }]);
  });

  it('reads English headers without BOM', () => {
    const result = readProductSheet(utf8('GTIN,Name,Price,Category\n6901234567892,苹果,3.5,Fruit\n'), 'products.csv', categories);
    expect(result.problems).toEqual([]);
    expect(result.records[0]!.value).toMatchObject({ price: 350, category: 'fruit' });
  });

  it('names the row and column of every bad cell, and keeps going', () => {
    const sheet = ['条码,名称,价格,分类,促销价', '6901234567890,苹果,12.9,水果,', '6901234567908,,abc,蔬菜,', '', '6.90123E+12,梨,5,水果,8'].join('\n');
    const { problems, records } = readProductSheet(utf8(sheet), 'products.csv', categories);
    expect(records).toEqual([]);
    const found = problems.map((p) => `${p.row}|${p.column}|${p.message.en}`);
    expect(found).toEqual([
      expect.stringMatching(/^2\|条码\|.*should be 2/),
      '3|名称|is missing',
      expect.stringMatching(/^3\|价格\|.*not a number/),
      expect.stringMatching(/^3\|分类\|.*"蔬菜" is not in data\/categories.json/),
      expect.stringMatching(/^5\|条码\|.*scientific notation/),
    ]);
    expect(problems.every((p) => p.fix['zh-CN'] && p.fix.en)).toBe(true);
  });

  it('reports a promo price that is not lower than the price on the promo price column', () => {
    const { problems } = readProductSheet(utf8('条码,名称,价格,分类,特价\n6901234567892,苹果,5,水果,6\n'), 'products.csv', categories);
    expect(problems).toMatchObject([{ row: 2, column: '特价', message: { en: 'the promo price is not lower than the price' } }]);
  });

  it('says which required column is missing and warns about unknown ones', () => {
    const { problems } = readProductSheet(utf8('条码,名称,分类,备注\n6901234567892,苹果,水果,x\n'), 'products.csv', categories);
    expect(problems.map((p) => [p.severity, p.message.en])).toEqual([
      ['warning', 'the column "备注" is not known and is ignored'],
      ['error', 'the "price" column is missing'],
    ]);
  });

  it('reads a GB18030 sheet saved by Excel, with a note', () => {
    const gbk = Buffer.from('ccf5c2eb2cc3fbb3c62cbcdbb8f12cb7d6c0e00a363930313233343536373839322cc6bbb9fb2c352ccbaeb9fb0a', 'hex');
    // 条码,名称,价格,分类 / 6901234567892,苹果,5,水果 in GBK
    const result = readProductSheet(gbk, 'products.csv', categories);
    expect(result.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(result.records[0]!.value.name['zh-CN']).toBe('苹果');
  });
});
