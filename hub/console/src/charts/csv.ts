// A report's table as a CSV file, made in the browser from the table shown: the same
// rows and headers, numbers without thousands separators, UTF-8 with a byte-order mark
// so Excel reads the Chinese text, CRLF line ends (RFC 4180).
import { cellText, type FigureFormat, type FigureTable, type Translate } from './figure.ts';

export const CSV_BOM = '\uFEFF';

/** One field: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text from the kiosks (event names, problems) that starts like a formula is written
 * with a leading apostrophe, so a spreadsheet shows it instead of running it.
 */
function defused(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Numbers as a spreadsheet reads them: a dot for decimals, no grouping. */
const plainNumber = (value: number, digits: number): string => value.toFixed(digits);

export function toCsv(table: FigureTable, t: Translate): string {
  const format: FigureFormat = { num: plainNumber, t };
  const lines = [table.columns.map((c) => csvField(c.label)).join(',')];
  for (const row of table.rows) {
    lines.push(
      row
        .map((cell, i) => {
          const text = cell === null ? '' : typeof cell === 'string' ? defused(cell) : cellText(cell, table.columns[i]!, format);
          return csvField(text);
        })
        .join(','),
    );
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** `funnel_2025-05-01_2025-05-07.csv`; one day: `funnel_2025-05-07.csv`. */
export function csvFileName(report: string, firstDay: string, lastDay: string): string {
  const safe = report.replace(/[^A-Za-z0-9._-]+/g, '-');
  return firstDay === lastDay ? `${safe}_${firstDay}.csv` : `${safe}_${firstDay}_${lastDay}.csv`;
}

/** Hands the file to the browser's downloads (nothing goes to the hub). */
export function downloadCsv(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
