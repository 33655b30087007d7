// A chart that is not a time series (a funnel, a heat map, buckets, a comparison): its
// ECharts option and the table that shows the very same numbers, built together from one
// answer so the two cannot disagree. The table is also what a CSV export writes.
import { CHART_FONT_FAMILY, charactersOf } from './chart-font.ts';
import type { ConsoleChartOption } from './echarts-setup.ts';

/** vue-i18n's `t`, as the pure builders receive it. */
export type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * How a number reads. `percent` and `points` hold fractions (0.455 → "45.5%", a difference
 * of 0.032 → "+3.2 pp"); `seconds` holds seconds.
 */
export type NumberKind = 'count' | 'decimal' | 'percent' | 'points' | 'seconds';

export interface FigureNumber {
  value: number | null;
  kind: NumberKind;
  digits?: number;
  /** Writes a + before positive values (a difference). */
  signed?: boolean;
}

/** A cell: text, a number in its column's kind, a number with its own kind, or nothing ("—"). */
export type FigureCell = string | number | FigureNumber | null;

export interface FigureColumn {
  label: string;
  kind: 'text' | NumberKind;
  digits?: number;
}

export interface FigureTable {
  columns: readonly FigureColumn[];
  rows: readonly (readonly FigureCell[])[];
  /** A row that must stand out ('bad': a problem; 'warn': worth a look), by row. */
  tones?: readonly ('bad' | 'warn' | null)[];
}

export interface Figure {
  option: ConsoleChartOption;
  /** Every character the canvas will draw (for the font wait). */
  text: string;
  table: FigureTable;
  /** Nothing to show: the panel says so instead of drawing empty axes. */
  empty: boolean;
  /** Canvas height in px (a long list of bars needs more). */
  height?: number;
}

export interface FigureFormat {
  /** A number in the console's locale with exactly `digits` decimals. */
  num(value: number, digits: number): string;
  t: Translate;
}

const DEFAULT_DIGITS: Record<NumberKind, number> = { count: 0, decimal: 2, percent: 1, points: 1, seconds: 0 };

/** A number as the table, the chart's labels and the CSV write it. */
export function numberText(n: FigureNumber, format: FigureFormat): string {
  if (n.value === null || !Number.isFinite(n.value)) return '—';
  const digits = n.digits ?? DEFAULT_DIGITS[n.kind];
  const scaled = n.kind === 'percent' || n.kind === 'points' ? n.value * 100 : n.value;
  const rounded = Number(scaled.toFixed(digits));
  const sign = n.signed && rounded > 0 ? '+' : '';
  const text = sign + format.num(rounded === 0 ? 0 : rounded, digits);
  switch (n.kind) {
    case 'percent':
      return `${text}%`;
    case 'points':
      return format.t('charts.unit.points', { n: text });
    case 'seconds':
      return format.t('charts.unit.seconds', { n: text });
    default:
      return text;
  }
}

export function asNumber(cell: FigureCell, column: FigureColumn): FigureNumber | null {
  if (cell === null || typeof cell === 'string') return null;
  if (typeof cell === 'number') return column.kind === 'text' ? { value: cell, kind: 'count' } : { value: cell, kind: column.kind, digits: column.digits };
  return cell;
}

export function cellText(cell: FigureCell, column: FigureColumn, format: FigureFormat): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  return numberText(asNumber(cell, column)!, format);
}

export function isNumeric(column: FigureColumn): boolean {
  return column.kind !== 'text';
}

/** Digits, signs and separators any number may be written with. */
const NUMBER_GLYPHS = '0123456789.,%+-−–—<>: ';

/** The characters a figure draws: its table's words and numbers, and any extra labels. */
export function figureText(table: FigureTable, format: FigureFormat, extra: readonly string[] = []): string {
  const texts: string[] = [NUMBER_GLYPHS, ...extra, ...table.columns.map((c) => c.label)];
  for (const row of table.rows) row.forEach((cell, i) => texts.push(cellText(cell, table.columns[i]!, format)));
  return charactersOf(texts);
}

/** What every figure's option starts from: no animation, the console's font. */
export function baseOption(): ConsoleChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    tooltip: { textStyle: { fontFamily: CHART_FONT_FAMILY }, confine: true },
  };
}

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The console's chart colours (base.css): a main series, a second one, a warning. */
export const CHART_COLORS = { main: '#1f6feb', second: '#8fb6f5', third: '#f0a35e', bad: '#c62828', ok: '#1a7f37', muted: '#9aa5b1' } as const;

/** A figure with nothing to draw (the panel shows its empty text). */
export const EMPTY_FIGURE: Figure = Object.freeze({ option: {}, text: '', table: { columns: [], rows: [] }, empty: true });
