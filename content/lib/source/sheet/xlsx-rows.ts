// The rows of an Excel workbook's first worksheet, read with exceljs's streaming reader:
// a 100,000-row sheet is never held whole in memory. The archive is looked at first, so
// a file that only pretends to be a workbook (or would unpack to gigabytes) is refused
// before it is read.
import ExcelJS from 'exceljs';
import { openZip, readEntries } from '../../import/zip-archive.ts';
import { bi } from '../../report/bilingual.ts';
import { UserError } from '../../report/user-error.ts';
import type { CellValue, SheetCell } from './cell-text.ts';

export interface SheetRow {
  /** The row number the spreadsheet shows (the header is row 1). */
  row: number;
  /** Cells from column A on; missing cells are null. */
  cells: SheetCell[];
}

/** What an .xlsx may unpack to: far more than any product sheet, far less than a zip bomb. */
export const XLSX_LIMITS = { maxEntries: 5_000, maxUnpackedBytes: 1_500_000_000, maxSharedStringsBytes: 300_000_000 };

const notAWorkbook = (file: string, cause?: unknown) =>
  new UserError(
    bi(`${file} 不是有效的 Excel 表格（.xlsx）`, `${file} is not a valid Excel workbook (.xlsx)`),
    bi('在 Excel 或 WPS 中打开后“另存为” Excel 工作簿（.xlsx），或另存为 CSV UTF-8', 'open it in Excel or WPS and save it as an Excel Workbook (.xlsx), or as CSV UTF-8'),
    { cause },
  );

/** Refuses an archive that is not a workbook or would unpack to more than a sheet ever needs. */
async function checkArchive(path: string, file: string): Promise<void> {
  let entries: { fileName: string; uncompressedSize: number }[];
  try {
    const zip = await openZip(path);
    try {
      entries = (await readEntries(zip)).map((e) => ({ fileName: String(e.fileName), uncompressedSize: e.uncompressedSize }));
    } finally {
      zip.close();
    }
  } catch (cause) {
    throw notAWorkbook(file, cause);
  }
  if (!entries.some((e) => e.fileName === 'xl/workbook.xml')) throw notAWorkbook(file);
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const strings = entries.find((e) => e.fileName === 'xl/sharedStrings.xml')?.uncompressedSize ?? 0;
  if (entries.length > XLSX_LIMITS.maxEntries || unpacked > XLSX_LIMITS.maxUnpackedBytes || strings > XLSX_LIMITS.maxSharedStringsBytes) {
    throw new UserError(bi(`${file} 解压后太大，不像商品表`, `${file} unpacks to far more than a product sheet`), bi('只保留商品这一个工作表，删除图片和其他工作表后再上传', 'keep only the product worksheet (no pictures or other sheets) and upload it again'));
  }
}

type ExcelValue = ExcelJS.CellValue;

/** An exceljs value → a plain one: the result of a formula, the text of rich text or a link. */
function plainValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value && 'text' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelValue);
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as { result?: ExcelValue }).result ?? null);
  if ('error' in value) return String(value.error);
  return null;
}

/** Rows of the first worksheet, as they stream out of the file. */
export async function* xlsxRows(path: string, file: string): AsyncGenerator<SheetRow> {
  await checkArchive(path, file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as ExcelValue[];
        const cells: SheetCell[] = [];
        for (let column = 1; column < values.length; column++) {
          const value = plainValue(values[column]);
          // Only numbers need their format (leading zeros of a barcode typed as a number).
          cells.push(typeof value === 'number' ? { value, numFmt: row.getCell(column).numFmt } : { value });
        }
        yield { row: row.number, cells };
      }
      return; // the product sheet is the first worksheet
    }
  } catch (cause) {
    if (cause instanceof UserError) throw cause;
    throw notAWorkbook(file, cause);
  }
}
