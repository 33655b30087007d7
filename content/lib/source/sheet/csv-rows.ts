// The rows of a CSV product sheet: UTF-8 with or without BOM (GB18030 from Excel on
// Chinese Windows is read too, with a note), comma, tab or semicolon separated.
import { parse } from 'csv-parse/sync';
import { bi } from '../../report/bilingual.ts';
import type { Problem } from '../../report/problem.ts';
import { decodeSheet, guessDelimiter } from '../csv/decode-sheet.ts';
import type { SheetRow } from './xlsx-rows.ts';

export function csvRows(bytes: Uint8Array, file: string): { rows: SheetRow[]; problems: Problem[] } {
  const decoded = decodeSheet(bytes, file);
  const problems: Problem[] = [...decoded.problems];
  const body = decoded.text.replace(/^\uFEFF/, '');
  let parsed: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    const options = { info: true, skip_empty_lines: true, relax_column_count: true, trim: true, delimiter: guessDelimiter(body) } as const;
    parsed = parse(body, options) as unknown as typeof parsed;
  } catch (error) {
    problems.push({
      severity: 'error',
      file,
      row: (error as { lines?: number }).lines,
      message: bi(`表格格式有误：${(error as Error).message}`, `the sheet cannot be read: ${(error as Error).message}`),
      fix: bi('检查这一行附近的引号是否成对；用 Excel 或 WPS 重新导出 CSV', 'check that quotes come in pairs near this row; export the CSV again from Excel or WPS'),
    });
    return { rows: [], problems };
  }
  const rows = parsed.map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record.map((value) => ({ value })) }));
  return { rows, problems };
}
