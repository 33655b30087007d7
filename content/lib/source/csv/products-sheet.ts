// A product sheet (CSV) → product records. Every bad cell is reported with its row
// number (as the spreadsheet shows it) and column header.
import { parse } from 'csv-parse/sync';
import { Product, type Category } from '../../../schema/product.ts';
import { bi, listOf, shown, type Bilingual } from '../../report/bilingual.ts';
import type { Located, Problem, Where } from '../../report/problem.ts';
import { checkValue } from '../../report/schema-check.ts';
import { MEDIA_DIR } from '../source-layout.ts';
import { parseBarcode, parseDate, parseYuan, splitList, type CellResult } from './cell-values.ts';
import { COLUMNS, columnOf, FIELD_COLUMN, type ProductColumn } from './columns.ts';
import { decodeSheet, guessDelimiter } from './decode-sheet.ts';

export interface SheetProducts {
  records: Located<Product>[];
  /** The sheet's column header for a product field (e.g. "related[1]" → "相关商品"), for later problems. */
  columnFor: (field: string) => string | undefined;
  /** Each good row as product JSON with only the fields the sheet fills (for data/products.json). */
  rows: Record<string, unknown>[];
  problems: Problem[];
}

type Cells = Partial<Record<ProductColumn, string>>;

const SPEC_LABEL = { 'zh-CN': '规格', en: 'Size' };

function text(zh: string | undefined, en: string | undefined): Record<string, string> | undefined {
  if (!zh && !en) return undefined;
  return { ...(zh ? { 'zh-CN': zh } : {}), ...(en ? { en } : {}) };
}

const mediaPath = (name: string) => (name.startsWith(`${MEDIA_DIR}/`) ? name : `${MEDIA_DIR}/${name.replace(/^\/+/, '')}`);

function categoryResolver(categories: readonly Category[]) {
  const byName = new Map<string, string>();
  for (const c of categories) {
    for (const name of [c.id, c.name['zh-CN'], c.name.en]) if (name) byName.set(name.normalize('NFKC').trim().toLowerCase(), c.id);
  }
  const known = listOf(categories.map((c) => `${c.name['zh-CN']} (${c.id})`));
  return (cell: string): CellResult<string> => {
    const id = byName.get(cell.normalize('NFKC').trim().toLowerCase());
    if (id) return { ok: true, value: id };
    return {
      ok: false,
      message: bi(`分类 ${shown(cell)} 不在 data/categories.json 中`, `the category ${shown(cell)} is not in data/categories.json`),
      fix: bi(`写已有分类的名称或编号：${known || '（还没有分类）'}；或先在 data/categories.json 中添加`, `use the name or id of a category: ${known || '(none yet)'}; or add it to data/categories.json first`),
    };
  };
}

class RowReader {
  readonly problems: Problem[] = [];
  readonly badColumns = new Set<ProductColumn>();

  constructor(
    private readonly where: Where,
    private readonly headers: ReadonlyMap<ProductColumn, string>,
  ) {}

  fail(column: ProductColumn, message: Bilingual, fix: Bilingual): void {
    this.badColumns.add(column);
    this.problems.push({ severity: 'error', ...this.where, column: this.headers.get(column), message, fix });
  }

  take<T>(column: ProductColumn, cell: string | undefined, read: (cell: string) => CellResult<T>): T | undefined {
    if (!cell) return undefined;
    const result = read(cell);
    if (result.ok) return result.value;
    this.fail(column, result.message, result.fix);
    return undefined;
  }
}

function rowToProduct(cells: Cells, reader: RowReader, category: (cell: string) => CellResult<string>): Record<string, unknown> {
  const related = splitList(cells.related ?? '').map((code) => reader.take('related', code, parseBarcode));
  const origin = {
    region: text(cells.region, undefined),
    farm: text(cells.farm, undefined),
    batch: cells.batch,
    producedOn: reader.take('producedOn', cells.producedOn, parseDate),
    story: text(cells.story, cells.storyEn),
    certifications: cells.certifications ? splitList(cells.certifications) : undefined,
  };
  const product = {
    gtin: reader.take('gtin', cells.gtin, parseBarcode),
    codes: cells.codes ? splitList(cells.codes) : undefined,
    category: reader.take('category', cells.category, category),
    brand: cells.brand,
    name: text(cells.nameZh, cells.nameEn),
    description: text(cells.descriptionZh, cells.descriptionEn),
    unit: text(cells.unit, undefined),
    price: reader.take('price', cells.price, parseYuan),
    promoPrice: reader.take('promoPrice', cells.promoPrice, parseYuan),
    images: cells.images ? splitList(cells.images).map(mediaPath) : undefined,
    specs: cells.spec ? [{ label: SPEC_LABEL, value: { 'zh-CN': cells.spec } }] : undefined,
    origin: Object.values(origin).some((v) => v !== undefined) ? origin : undefined,
    related: related.length ? related.filter((g) => g !== undefined) : undefined,
  };
  return JSON.parse(JSON.stringify(product)) as Record<string, unknown>;
}

export function columnForField(field: string | undefined): ProductColumn | undefined {
  if (!field) return undefined;
  return FIELD_COLUMN.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`))?.[1];
}

function readHeader(header: string[], file: string): { headers: Map<ProductColumn, string>; indexes: Map<number, ProductColumn>; problems: Problem[] } {
  const headers = new Map<ProductColumn, string>();
  const indexes = new Map<number, ProductColumn>();
  const problems: Problem[] = [];
  header.forEach((name, i) => {
    if (!name.trim()) return;
    const column = columnOf(name);
    if (!column) {
      problems.push({
        severity: 'warning',
        file,
        row: 1,
        column: name,
        message: bi(`不认识列名 ${shown(name)}，这一列不会导入`, `the column ${shown(name)} is not known and is ignored`),
        fix: bi(`如果要导入，请改成这些列名之一：${listOf(Object.values(COLUMNS).map((c) => c.label['zh-CN']), 30)}`, `to import it, rename it to one of: ${listOf(Object.values(COLUMNS).map((c) => c.label.en), 30)}`),
      });
    } else if (headers.has(column)) {
      problems.push({
        severity: 'error',
        file,
        row: 1,
        column: name,
        message: bi(`列 ${shown(name)} 与列 ${shown(headers.get(column)!)} 是同一项内容`, `the columns ${shown(name)} and ${shown(headers.get(column)!)} mean the same thing`),
        fix: bi('删除其中一列', 'delete one of them'),
      });
    } else {
      headers.set(column, name);
      indexes.set(i, column);
    }
  });
  for (const [column, info] of Object.entries(COLUMNS) as [ProductColumn, (typeof COLUMNS)[ProductColumn]][]) {
    if (info.required && !headers.has(column)) {
      problems.push({
        severity: 'error',
        file,
        row: 1,
        message: bi(`缺少“${info.label['zh-CN']}”列`, `the "${info.label.en}" column is missing`),
        fix: bi(`第一行是列名；加一列“${info.label['zh-CN']}”（也可写作：${listOf(info.aliases)}）`, `the first row holds the column names; add a "${info.label.en}" column (also accepted: ${listOf(info.aliases)})`),
      });
    }
  }
  return { headers, indexes, problems };
}

export function readProductSheet(bytes: Uint8Array, file: string, categories: readonly Category[]): SheetProducts {
  const decoded = decodeSheet(bytes, file);
  const problems: Problem[] = [...decoded.problems];
  const body = decoded.text.replace(/^\uFEFF/, '');
  let parsed: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    const options = { info: true, skip_empty_lines: true, relax_column_count: true, trim: true, delimiter: guessDelimiter(body) } as const;
    parsed = parse(body, options) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    problems.push({
      severity: 'error',
      file,
      row: line,
      message: bi(`表格格式有误：${(error as Error).message}`, `the sheet cannot be read: ${(error as Error).message}`),
      fix: bi('检查这一行附近的引号是否成对；用 Excel 或 WPS 重新导出 CSV', 'check that quotes come in pairs near this row; export the CSV again from Excel or WPS'),
    });
    return { records: [], rows: [], problems, columnFor: () => undefined };
  }
  const [head, ...body_rows] = parsed;
  if (!head) {
    problems.push({ severity: 'error', file, message: bi('表格是空的', 'the sheet is empty'), fix: bi('第一行写列名，从第二行开始每行一个商品', 'put the column names in row 1 and one product per row below') });
    return { records: [], rows: [], problems, columnFor: () => undefined };
  }
  const header = readHeader(head.record, file);
  problems.push(...header.problems);
  if (header.problems.some((p) => p.severity === 'error')) return { records: [], rows: [], problems, columnFor: () => undefined };

  const category = categoryResolver(categories);
  const position = (column: string | undefined) => (column === undefined ? Infinity : head.record.indexOf(column));
  const records: Located<Product>[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const { record, info } of body_rows) {
    const cells: Cells = {};
    record.forEach((cell, i) => {
      const column = header.indexes.get(i);
      if (column && cell) cells[column] = cell;
    });
    const row = info.records + info.empty_lines;
    const where: Where = { file, row, id: cells.gtin };
    const reader = new RowReader(where, header.headers);
    const raw = rowToProduct(cells, reader, category);
    const checked = checkValue(Product, raw, where);
    for (const problem of checked.problems) {
      const column = columnForField(problem.field);
      if (column && reader.badColumns.has(column)) continue;
      reader.problems.push({ ...problem, column: column ? header.headers.get(column) ?? COLUMNS[column].label['zh-CN'] : undefined, field: column ? undefined : problem.field });
    }
    problems.push(...reader.problems.sort((a, b) => position(a.column) - position(b.column)));
    if (checked.value && reader.problems.length === 0) {
      records.push({ value: checked.value, where });
      rows.push(raw);
    }
  }
  const columnFor = (field: string) => {
    const column = columnForField(field);
    return column && header.headers.get(column);
  };
  return { records, rows, problems, columnFor };
}
