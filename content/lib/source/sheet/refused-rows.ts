// The refused rows of a product sheet as a CSV file to fix and upload again: the header
// and each refused row as the sheet had them, plus one column saying what is wrong (row,
// column, what and how to fix, Chinese then English). UTF-8 with a byte-order mark so
// Excel shows the Chinese; a cell that starts with = + - or @ gets a leading apostrophe
// so no spreadsheet runs it as a formula (the reader takes it off again).
import type { Bilingual } from '../../report/bilingual.ts';
import type { Problem } from '../../report/problem.ts';
import { normaliseHeader } from '../csv/columns.ts';
import type { RefusedRow } from './product-sheet.ts';
import { REASON_HEADER } from './sheet-header.ts';

const BOM = '\uFEFF';

/** One CSV field: a formula-looking start defused, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function sentence(problem: Problem, language: keyof Bilingual): string {
  const zh = language === 'zh-CN';
  const where = problem.column ?? problem.field;
  const place = zh ? `第 ${problem.row} 行${where ? `「${where}」` : ''}` : `row ${problem.row}${where ? ` "${where}"` : ''}`;
  return `${place}${zh ? '：' : ': '}${problem.message[language]}${zh ? ' → ' : ' → '}${problem.fix[language]}`;
}

/** Why a row was refused, Chinese on the first line and English on the second. */
export function refusalReason(row: RefusedRow): string {
  const zh = row.problems.map((p) => sentence(p, 'zh-CN')).join('；');
  const en = row.problems.map((p) => sentence(p, 'en')).join('; ');
  return `${zh}\n${en}`;
}

export function refusedRowsCsv(header: readonly string[], refused: readonly RefusedRow[]): string {
  const width = Math.max(header.length, ...refused.map((r) => r.cells.length));
  // A file that was refused before comes back with its old reasons: they give way to the new ones.
  const reason = normaliseHeader(REASON_HEADER);
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => normaliseHeader(header[i] ?? '') !== reason);
  const pad = (cells: readonly string[]) => kept.map((i) => cells[i] ?? '');
  const lines = [[...pad(header), REASON_HEADER].map(csvField).join(',')];
  for (const row of refused) lines.push([...pad(row.cells), refusalReason(row)].map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
