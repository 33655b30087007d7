// A product sheet uploaded into a draft: streamed to disk, read (CSV or .xlsx) against
// the draft's categories, the good rows merged into its products (or, with `replace`,
// made its whole catalogue), the refused rows kept as a CSV to fix and upload again.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_LISTED_SHEET_PROBLEMS, MAX_SHEET_UPLOAD_BYTES } from '../../../content/schema/hub-api/console/pack-drafts.ts';
import type { PackProblem } from '../../../content/schema/hub-api/console/packs.ts';
import { Category } from '../../../content/schema/product.ts';
import { writeFileDurable } from '../../../content/lib/files/durable-write.ts';
import { checkList } from '../../../content/lib/report/schema-check.ts';
import { columnOf } from '../../../content/lib/source/csv/columns.ts';
import { UserError } from '../../../content/lib/report/user-error.ts';
import { refusedRowsCsv } from '../../../content/lib/source/sheet/refused-rows.ts';
import { HttpError } from '../http/http-error.ts';
import { problemRow } from '../packs/check-report.ts';
import { incomingFile, readSourceJson, type DraftFolder } from './draft-folder.ts';
import { mergeProducts, readProducts, writeProducts } from './draft-products.ts';
import { saveUpload } from './receive-upload.ts';

export interface SheetImportResult {
  format: 'csv' | 'xlsx';
  imported: number;
  refused: number;
  productCount: number;
  problems: PackProblem[];
  unlisted: number;
}

async function draftCategories(folder: DraftFolder): Promise<Category[]> {
  return checkList(Category, (await readSourceJson(folder, 'data/categories.json')) ?? [], 'data/categories.json').records.map((r) => r.value);
}

export async function importSheet(folder: DraftFolder, body: Readable, o: { name: string; mode: 'merge' | 'replace'; declaredBytes: number | null }): Promise<SheetImportResult> {
  const file = await incomingFile(folder, path.extname(o.name).toLowerCase().replace(/[^.a-z]/g, ''));
  try {
    await saveUpload(body, file, { limit: MAX_SHEET_UPLOAD_BYTES, declaredBytes: o.declaredBytes, what: 'product sheet' });
    let sheet;
    try {
      // The draft keeps the rows as written; the checked records are not needed here.
      // exceljs and csv-parse, loaded with the first sheet rather than with the hub.
      const { readProductSheetFile } = await import('../../../content/lib/source/sheet/product-sheet.ts');
      sheet = await readProductSheetFile(file, o.name, await draftCategories(folder), { records: false });
    } catch (error) {
      if (error instanceof UserError) throw new HttpError(422, 'unreadable-sheet', `${error.text.en}: ${error.fix.en}. / ${error.text['zh-CN']}：${error.fix['zh-CN']}`);
      throw error;
    }
    // A sheet with no good row never empties the draft, whatever the mode.
    const current = await readProducts(folder);
    const columns = new Set(sheet.header.map(columnOf).filter((c) => c !== undefined));
    const products = sheet.rows.length === 0 ? current : o.mode === 'replace' ? sheet.rows : mergeProducts(current, sheet.rows, columns);
    if (sheet.rows.length > 0) await writeProducts(folder, products);
    if (sheet.refused.length > 0) await writeFileDurable(folder.refusedCsv, refusedRowsCsv(sheet.header, sheet.refused));
    else await rm(folder.refusedCsv, { force: true });
    return {
      format: sheet.format,
      imported: sheet.rows.length,
      refused: sheet.refused.length,
      productCount: products.length,
      problems: sheet.problems.slice(0, MAX_LISTED_SHEET_PROBLEMS).map(problemRow),
      unlisted: Math.max(0, sheet.problems.length - MAX_LISTED_SHEET_PROBLEMS),
    };
  } finally {
    await rm(file, { force: true });
  }
}
