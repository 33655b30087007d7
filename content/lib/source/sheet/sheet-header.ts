// The header row of a product sheet: which column holds which product field. Headers may
// be Chinese or English (see README.md beside this file); unknown columns are reported
// and ignored, a missing required column stops the import.
import { bi, listOf, shown } from '../../report/bilingual.ts';
import type { Problem } from '../../report/problem.ts';
import { COLUMNS, columnOf, normaliseHeader, type ProductColumn } from '../csv/columns.ts';
import type { CellKind } from './cell-text.ts';

/** The column a refused-rows file adds; ignored when that file comes back fixed. */
export const REASON_HEADER = '原因 Reason';

/** How each column's numbers are read. */
export const COLUMN_KINDS: Partial<Record<ProductColumn, CellKind>> = { gtin: 'gtin', related: 'gtin', codes: 'code', producedOn: 'date' };

export interface SheetHeader {
  /** The header as the sheet writes it, column by column. */
  names: string[];
  /** The header text of each product column. */
  headers: Map<ProductColumn, string>;
  /** Which product column each sheet column (from 0) holds. */
  indexes: Map<number, ProductColumn>;
  problems: Problem[];
}

export function readHeader(names: string[], file: string): SheetHeader {
  const headers = new Map<ProductColumn, string>();
  const indexes = new Map<number, ProductColumn>();
  const problems: Problem[] = [];
  const reason = normaliseHeader(REASON_HEADER);
  names.forEach((name, i) => {
    if (!name.trim() || normaliseHeader(name) === reason) return;
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
  return { names, headers, indexes, problems };
}
