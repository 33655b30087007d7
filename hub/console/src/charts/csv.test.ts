import { describe, expect, it } from 'vitest';
import { createConsoleI18n } from '../i18n/index.ts';
import { CSV_BOM, csvField, csvFileName, toCsv } from './csv.ts';
import type { FigureTable } from './figure.ts';

const en = createConsoleI18n('en').global;
const zh = createConsoleI18n('zh-CN').global;
const tEn = (key: string, named?: Record<string, unknown>) => en.t(key, named ?? {});
const tZh = (key: string, named?: Record<string, unknown>) => zh.t(key, named ?? {});

const table: FigureTable = {
  columns: [
    { label: 'Event', kind: 'text' },
    { label: 'Problem, as the hub says', kind: 'text' },
    { label: 'Count', kind: 'count' },
    { label: 'Share', kind: 'percent' },
  ],
  rows: [
    ['Product Scanned', 'missing "product_id", stored anyway', 12_345, 0.4567],
    ['Game Ended', 'line\nbreak', 3, null],
    ['=HYPERLINK("x")', '商品库中没有', 0, 0],
  ],
};

describe('a report table as CSV', () => {
  it('starts with a byte-order mark and the header row, one CRLF line per row', () => {
    const csv = toCsv(table, tEn);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Event,"Problem, as the hub says",Count,Share');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes commas, doubles quotes, keeps line breaks inside quotes, and writes plain numbers', () => {
    const csv = toCsv(table, tEn).slice(1);
    expect(csv).toContain('Product Scanned,"missing ""product_id"", stored anyway",12345,45.7%\r\n');
    expect(csv).toContain('Game Ended,"line\nbreak",3,\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, and keeps Chinese as it is', () => {
    const csv = toCsv(table, tZh).slice(1);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",商品库中没有,0,0.0%`);
  });

  it('writes differences with their sign and unit in the console’s language', () => {
    const diff: FigureTable = { columns: [{ label: 'd', kind: 'decimal' }], rows: [[{ value: 0.032, kind: 'points', signed: true }], [{ value: -4, kind: 'seconds', signed: true }]] };
    expect(toCsv(diff, tEn).slice(1)).toBe('d\r\n+3.2 pp\r\n-4 s\r\n');
    expect(toCsv(diff, tZh).slice(1)).toBe('d\r\n+3.2 个百分点\r\n-4 秒\r\n');
  });

  it('names the file after the report and the period', () => {
    expect(csvFileName('funnel', '2025-05-01', '2025-05-07')).toBe('funnel_2025-05-01_2025-05-07.csv');
    expect(csvFileName('funnel', '2025-05-07', '2025-05-07')).toBe('funnel_2025-05-07.csv');
    expect(csvField(' padded')).toBe('" padded"');
  });
});
