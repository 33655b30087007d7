import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Category } from '../../../schema/product.ts';
import { makeTempDir } from '../../testing/temp-dirs.ts';
import { readProductSheetFile } from './product-sheet.ts';
import { refusedRowsCsv } from './refused-rows.ts';

const categories: Category[] = [
  { id: 'fruit', name: { 'zh-CN': '水果', en: 'Fruit' } },
  { id: 'dairy', name: { 'zh-CN': '乳品', en: 'Dairy' } },
];

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => (tmp = await makeTempDir('sheet-')));
afterEach(() => tmp.remove());

type Cell = string | number | Date | null | { value: number; numFmt: string };

/** Writes an .xlsx with exceljs, as Excel or WPS would save it. */
async function xlsx(name: string, rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('商品表');
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((c) => (c !== null && typeof c === 'object' && 'numFmt' in c ? c.value : c)));
    cells.forEach((c, i) => {
      if (c !== null && typeof c === 'object' && 'numFmt' in c) row.getCell(i + 1).numFmt = c.numFmt;
    });
  }
  workbook.addWorksheet('说明').addRow(['这一页不是商品']);
  const file = path.join(tmp.dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function csv(name: string, text: string): Promise<string> {
  const file = path.join(tmp.dir, name);
  await writeFile(file, text);
  return file;
}

const brief = (p: { row?: number; column?: string; message: { en: string } }) => `${p.row}|${p.column}|${p.message.en}`;

describe('product sheets in Excel (.xlsx) and CSV', () => {
  it('imports an .xlsx with Chinese headers, numbers stored as numbers and a date cell', async () => {
    const file = await xlsx('商品表.xlsx', [
      ['商品条码', '商品名称', '英文名称', '售价', '促销价', '分类', '产地', '生产日期', '图片'],
      [6901234567892, '红富士苹果', 'Fuji apple', 12.9, 9.9, '水果', '山东烟台', new Date(Date.UTC(2026, 2, 1)), 'apple.png'],
      [6901234567908, '鲜牛奶', 'Fresh milk', 15, null, '乳品', null, '2026/3/2', null],
    ]);
    const sheet = await readProductSheetFile(file, '商品表.xlsx', categories);
    expect(sheet.problems).toEqual([]);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.rows).toEqual([
      { gtin: '6901234567892', category: 'fruit', name: { 'zh-CN': '红富士苹果', en: 'Fuji apple' }, price: 1290, promoPrice: 990, images: ['media/apple.png'], origin: { region: { 'zh-CN': '山东烟台' }, producedOn: '2026-03-01' } },
      { gtin: '6901234567908', category: 'dairy', name: { 'zh-CN': '鲜牛奶', en: 'Fresh milk' }, price: 1500, origin: { producedOn: '2026-03-02' } },
    ]);
    // The pack's own records use the 14-digit key.
    expect(sheet.records.map((r) => [r.value.gtin, r.where.row])).toEqual([['06901234567892', 2], ['06901234567908', 3]]);
  });

  it('imports a CSV with Chinese headers, saved by Excel with a BOM', async () => {
    const file = await csv('商品.csv', '\uFEFF条码,名称,价格,分类\r\n6901234567892,苹果,3.50,水果\r\n');
    const sheet = await readProductSheetFile(file, '商品.csv', categories);
    expect(sheet.problems).toEqual([]);
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([{ gtin: '6901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 350 }]);
  });

  it('keeps EAN-13, UPC-A and GTIN-14 codes as written, numeric cells included', async () => {
    const file = await xlsx('codes.xlsx', [
      ['barcode', 'name', 'price', 'category', 'related'],
      [6901234567892, 'EAN-13 as a number', 1, 'fruit', '036000291452'],
      [{ value: 36000291452, numFmt: '000000000000' }, 'UPC-A as a number shown with its zero', 1, 'fruit', null],
      [12345678905, 'UPC-A typed as a number, its zero lost', 1, 'fruit', 6901234567892],
      [10012345678902, 'GTIN-14 as a number', 1, 'fruit', null],
      ['00012345600012', 'GTIN-14 as text', 1, 'fruit', null],
      ['96385074', 'EAN-8 as text', 1, 'fruit', null],
    ]);
    const sheet = await readProductSheetFile(file, 'codes.xlsx', categories);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows.map((r) => r.gtin)).toEqual(['6901234567892', '036000291452', '012345678905', '10012345678902', '00012345600012', '96385074']);
    expect(sheet.rows[0]!.related).toEqual(['036000291452']);
    expect(sheet.rows[2]!.related).toEqual(['6901234567892']);
    // A barcode Excel showed as 6.90123E+12 and then saved as text is explained, not guessed.
    const mangled = await readProductSheetFile(await xlsx('m.xlsx', [['条码', '名称', '价格', '分类'], ['6.90123E+12', '梨', 5, '水果']]), 'm.xlsx', categories);
    expect(mangled.problems.map(brief)).toEqual([expect.stringMatching(/^2\|条码\|Excel turned the barcode "6.90123E\+12" into scientific notation/)]);
  });

  it('says "12,50" needs a dot, lists each bad row with its column and reason, and keeps the good rows', async () => {
    const file = await xlsx('mixed.xlsx', [
      ['条码', '名称', '价格', '分类', '促销价'],
      [6901234567892, '苹果', '12,50', '水果', null],
      [6901234567908, '牛奶', 6, '乳品', null],
      [6901234567890, '=HYPERLINK("http://x","梨")', 5, '蔬菜', null],
      [6901234567908, '牛奶又一行', 6, '乳品', null],
      ['96385074', '香蕉', 3, '水果', 4],
    ]);
    const sheet = await readProductSheetFile(file, 'mixed.xlsx', categories);
    expect(sheet.rows.map((r) => r.name)).toEqual([{ 'zh-CN': '牛奶' }]);
    expect(sheet.refused.map((r) => r.row)).toEqual([2, 4, 5, 6]);
    expect(sheet.problems.map(brief)).toEqual([
      '2|价格|the price "12,50" uses a comma for the decimals',
      expect.stringMatching(/^4\|条码\|the last digit \(check digit\) of 6901234567890 is wrong: from the other digits it should be 2/),
      expect.stringMatching(/^4\|分类\|the category "蔬菜" is not in data\/categories.json/),
      '5|条码|the barcode 6901234567908 is already on row 3',
      '6|促销价|the promo price is not lower than the price',
    ]);
    const comma = sheet.problems[0]!;
    expect(comma.message['zh-CN']).toBe('价格 "12,50" 用逗号表示小数');
    expect(comma.fix).toEqual({ 'zh-CN': '小数请用小数点：12.50', en: 'use a dot for the decimals: 12.50' });
  });

  it('writes the refused rows as a CSV Excel opens, which imports once fixed', async () => {
    const file = await xlsx('mixed.xlsx', [
      ['条码', '名称', '价格', '分类'],
      [6901234567892, '苹果', '12,50', '水果'],
      [6901234567908, '牛奶', 6, '乳品'],
      [36000291452, '-5% 酸奶', 'abc', '乳品'],
      [96385074, '@梨', 4, '水果'],
    ]);
    const sheet = await readProductSheetFile(file, 'mixed.xlsx', categories);
    const text = refusedRowsCsv(sheet.header, sheet.refused);
    expect(text.startsWith('\uFEFF条码,名称,价格,分类,原因 Reason\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^6901234567892,苹果,"12,50",水果,"第 2 行「价格」：价格 ""12,50"" 用逗号表示小数 → 小数请用小数点：12.50\nrow 2 ""价格"": the price ""12,50"" uses a comma for the decimals → use a dot for the decimals: 12.50"$/);
    // The UPC-A keeps its 12 digits; a name starting with - or @ cannot run as a formula.
    expect(lines[2]).toMatch(/^036000291452,'-5% 酸奶,abc,乳品,/);
    expect(sheet.refused.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows.map((r) => r.gtin)).toEqual(['6901234567908', '96385074']);

    // The merchandiser fixes the two prices in the file and uploads it again.
    const fixed = await csv('refused.csv', text.replace('"12,50"', '12.50').replace(',abc,', ',4.80,'));
    const again = await readProductSheetFile(fixed, 'refused.csv', categories);
    expect(again.problems).toEqual([]);
    expect(again.rows).toEqual([
      { gtin: '6901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 1250 },
      { gtin: '036000291452', category: 'dairy', name: { 'zh-CN': '-5% 酸奶' }, price: 480 },
    ]);
    expect(await readFile(fixed, 'utf8')).toContain("'-5% 酸奶");
  });

  it('refuses an old .xls and a file that only pretends to be a workbook, saying what to do', async () => {
    const xls = path.join(tmp.dir, 'old.xls');
    await writeFile(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(60)]));
    await expect(readProductSheetFile(xls, 'old.xls', categories)).rejects.toMatchObject({ fix: { en: expect.stringContaining('Excel Workbook (.xlsx)') } });
    const fake = path.join(tmp.dir, 'fake.xlsx');
    await writeFile(fake, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]));
    await expect(readProductSheetFile(fake, 'fake.xlsx', categories)).rejects.toMatchObject({ text: { en: 'fake.xlsx is not a valid Excel workbook (.xlsx)' } });
    await expect(readProductSheetFile(path.join(tmp.dir, 'none.csv'), 'none.csv', categories)).rejects.toMatchObject({ text: { en: 'cannot open the product sheet none.csv' } });
  });
});
