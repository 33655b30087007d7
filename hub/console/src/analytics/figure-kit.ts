// What the report figures share: the chart kit from src/charts, and the font option for labels.
import { CHART_FONT_FAMILY } from '../charts/chart-font.ts';

export { CHART_COLORS, baseOption, escapeHtml, figureText, numberText } from '../charts/figure.ts';
export type { Figure, FigureCell, FigureColumn, FigureFormat, FigureNumber, FigureTable, Translate } from '../charts/figure.ts';

export const CHART_FONT_FAMILY_OPTION = { fontFamily: CHART_FONT_FAMILY } as const;

/** a / b, or null when b is 0 (a rate of nothing). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
