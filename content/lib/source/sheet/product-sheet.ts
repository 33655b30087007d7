// A product sheet (CSV or Excel .xlsx) → products. Rows are read one at a time, so a
// 100,000-row workbook streams; every bad cell is reported with its row number (as the
// spreadsheet shows it) and the column's header. One bad row never stops the others: the
// good rows are kept, the refused ones are listed with their cells and reasons (see
// refused-rows.ts for the file to fix and upload again).
import { open, readFile } from 'node:fs/promises';
import { Product, type Category } from '../../../schema/product.ts';
import { bi } from '../../report/bilingual.ts';
import type { Located, Problem, Where } from '../../report/problem.ts';
import { checkValue } from '../../report/schema-check.ts';
import { UserError } from '../../report/user-error.ts';
import { COLUMNS } from '../csv/columns.ts';
import { padProductGtins } from '../gtin-input.ts';
import { cellText, type CellKind } from './cell-text.ts';
import { csvRows } from './csv-rows.ts';
import { categoryResolver, columnForField, rowToProduct, RowReader, type Cells } from './product-row.ts';
import { COLUMN_KINDS, readHeader, type SheetHeader } from './sheet-header.ts';
import { xlsxRows, type SheetRow } from './xlsx-rows.ts';

/** More rows than any shop's catalogue; past it the sheet is refused rather than read for ever. */
export const MAX_SHEET_ROWS = 250_000;

export interface RefusedRow {
  /** The row number the spreadsheet shows. */
  row: number;
  /** The row's cells as the sheet shows them, in the sheet's column order. */
  cells: string[];
  problems: Problem[];
}

export interface SheetProducts {
  /** The good rows as the pack's records (14-digit keys); empty when read with `{ records: false }`. */
  records: Located<Product>[];
  /** The sheet's column header for a product field (e.g. "related[1]" → "相关商品"), for later problems. */
  columnFor: (field: string) => string | undefined;
  /** Each good row as product JSON with only the fields the sheet fills, codes as written (for data/products.json). */
  rows: Record<string, unknown>[];
  problems: Problem[];
}

export interface SheetImport extends SheetProducts {
  format: 'csv' | 'xlsx';
  /** The header row as the sheet writes it. */
  header: string[];
  /** Rows left out, with their cells and what is wrong. */
  refused: RefusedRow[];
  /** Product rows read (the header and empty rows not counted). */
  rowCount: number;
}

export interface ReadOptions {
  /** Keep the checked records besides the rows (default true); the hub's drafts only need the rows. */
  records?: boolean;
}

/** A leading apostrophe the refused-rows file put before = + - @ so a spreadsheet shows them as text. */
const undefuse = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** Takes a sheet's rows one by one; `finish()` gives the products and the refused rows. */
export class ProductSheetReader {
  private header: SheetHeader | null = null;
  private kinds: CellKind[] = [];
  private readonly problems: Problem[] = [];
  private readonly records: Located<Product>[] = [];
  private readonly rows: Record<string, unknown>[] = [];
  private readonly refused: RefusedRow[] = [];
  private readonly firstRowOf = new Map<string, number>();
  private readonly category: ReturnType<typeof categoryResolver>;
  private rowCount = 0;
  private stopped = false;

  constructor(
    private readonly file: string,
    categories: readonly Category[],
    private readonly format: SheetImport['format'],
    private readonly options: ReadOptions = {},
  ) {
    this.category = categoryResolver(categories);
  }

  /** Adds the problems met while reading the file itself (encoding, quotes). */
  addProblems(problems: readonly Problem[]): void {
    this.problems.push(...problems);
  }

  /** False once the sheet cannot be read on (a bad header, too many rows). */
  get reading(): boolean {
    return !this.stopped;
  }

  add({ row, cells }: SheetRow): void {
    if (this.stopped) return;
    if (!this.header) {
      const names = cells.map((cell) => cellText(cell, 'plain'));
      if (names.every((name) => !name)) return;
      this.header = readHeader(names, this.file);
      this.kinds = names.map((_, i) => COLUMN_KINDS[this.header!.indexes.get(i)!] ?? 'plain');
      this.problems.push(...this.header.problems);
      if (this.header.problems.some((p) => p.severity === 'error')) this.stopped = true;
      return;
    }
    const texts = cells.map((cell, i) => undefuse(cellText(cell, this.kinds[i] ?? 'plain')));
    if (texts.every((text) => !text)) return;
    if (++this.rowCount > MAX_SHEET_ROWS) {
      this.stopped = true;
      this.problems.push({
        severity: 'error',
        file: this.file,
        row,
        message: bi(`表格超过 ${MAX_SHEET_ROWS} 行，其余的行没有读取`, `the sheet has more than ${MAX_SHEET_ROWS} rows; the rest were not read`),
        fix: bi('把商品分成几个表格分别上传', 'split the products into several sheets and upload each'),
      });
      return;
    }
    this.addProduct(row, texts);
  }

  private addProduct(row: number, texts: string[]): void {
    const header = this.header!;
    const cells: Cells = {};
    texts.forEach((text, i) => {
      const column = header.indexes.get(i);
      if (column && text) cells[column] = text;
    });
    const where: Where = { file: this.file, row, id: cells.gtin };
    const reader = new RowReader(where, header.headers);
    const raw = rowToProduct(cells, reader, this.category);
    const checked = checkValue(Product, padProductGtins(raw), where);
    for (const problem of checked.problems) {
      const column = columnForField(problem.field);
      if (column && reader.badColumns.has(column)) continue;
      reader.problems.push({ ...problem, column: column ? header.headers.get(column) ?? COLUMNS[column].label['zh-CN'] : undefined, field: column ? undefined : problem.field });
    }
    if (checked.value) {
      const first = this.firstRowOf.get(checked.value.gtin);
      if (first !== undefined) {
        reader.fail('gtin', bi(`条码 ${raw.gtin as string} 在第 ${first} 行已经有了`, `the barcode ${raw.gtin as string} is already on row ${first}`), bi('同一个商品只保留一行', 'keep one row per product'));
      }
    }
    const position = (column: string | undefined) => (column === undefined ? Infinity : header.names.indexOf(column));
    const problems = reader.problems.sort((a, b) => position(a.column) - position(b.column));
    this.problems.push(...problems);
    if (checked.value && problems.length === 0) {
      this.firstRowOf.set(checked.value.gtin, row);
      if (this.options.records !== false) this.records.push({ value: checked.value, where });
      this.rows.push(raw);
    } else {
      this.refused.push({ row, cells: texts, problems });
    }
  }

  finish(): SheetImport {
    if (!this.header && !this.problems.some((p) => p.severity === 'error')) {
      this.problems.push({ severity: 'error', file: this.file, message: bi('表格是空的', 'the sheet is empty'), fix: bi('第一行写列名，从第二行开始每行一个商品', 'put the column names in row 1 and one product per row below') });
    }
    const headers = this.header?.headers;
    const columnFor = (field: string) => {
      const column = columnForField(field);
      return column && headers?.get(column);
    };
    return { format: this.format, header: this.header?.names ?? [], records: this.records, rows: this.rows, problems: this.problems, refused: this.refused, rowCount: this.rowCount, columnFor };
  }
}

/** Reads CSV bytes (the whole sheet is small enough to hold: a CSV has no compression). */
export function readCsvProducts(bytes: Uint8Array, file: string, categories: readonly Category[], options: ReadOptions = {}): SheetImport {
  const sheet = new ProductSheetReader(file, categories, 'csv', options);
  const { rows, problems } = csvRows(bytes, file);
  sheet.addProblems(problems);
  for (const row of rows) {
    if (!sheet.reading) break;
    sheet.add(row);
  }
  return sheet.finish();
}

/** Excel's old binary format starts with the OLE signature D0 CF 11 E0. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function firstBytes(path: string, file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new UserError(bi(`打不开商品表 ${file}`, `cannot open the product sheet ${file}`), bi('检查文件路径', 'check the path'), { cause });
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a product sheet file, CSV or Excel (.xlsx), told apart by its content. `file` is
 * the name problems mention (the name the merchandiser knows).
 */
export async function readProductSheetFile(path: string, file: string, categories: readonly Category[], options: ReadOptions = {}): Promise<SheetImport> {
  const head = await firstBytes(path, file);
  if (head.equals(OLE)) {
    throw new UserError(bi(`${file} 是旧版 Excel 格式（.xls）`, `${file} is in the old Excel format (.xls)`), bi('在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）或 CSV UTF-8 后再导入', 'in Excel or WPS use Save As → Excel Workbook (.xlsx) or CSV UTF-8, then import that'));
  }
  if (!head.equals(ZIP)) return readCsvProducts(await readFile(path), file, categories, options);
  const sheet = new ProductSheetReader(file, categories, 'xlsx', options);
  for await (const row of xlsxRows(path, file)) {
    sheet.add(row);
    if (!sheet.reading) break;
  }
  return sheet.finish();
}
