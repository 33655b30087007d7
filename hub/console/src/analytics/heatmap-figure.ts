// Sessions by weekday × hour: a 7 × 24 heat map, Monday on top, each store's local time.
import type { z } from 'zod';
import type { HeatmapCell } from '../../../../content/schema/hub-api/console/analytics.ts';
import { WEEKDAYS } from '../../../../content/schema/hub-api/console/stores.ts';
import { CHART_FONT_FAMILY_OPTION, baseOption, escapeHtml, figureText, numberText, type Figure, type FigureFormat } from './figure-kit.ts';

export const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => String(h).padStart(2, '0');

/** sessions[weekday][hour], Monday first; cells the hub left out are 0. */
export function heatmapMatrix(cells: readonly z.infer<typeof HeatmapCell>[]): number[][] {
  const matrix = WEEKDAYS.map(() => HOURS.map(() => 0));
  for (const c of cells) matrix[c.weekday]![c.hour]! += c.sessions;
  return matrix;
}

export function heatmapFigure(cells: readonly z.infer<typeof HeatmapCell>[], format: FigureFormat): Figure {
  const { t } = format;
  const matrix = heatmapMatrix(cells);
  const days = WEEKDAYS.map((d) => t(`stores.dayShort.${d}`));
  const table = {
    columns: [
      { label: t('analytics.heatmap.corner'), kind: 'text' as const },
      ...HOURS.map((h) => ({ label: hh(h), kind: 'count' as const })),
      { label: t('analytics.heatmap.total'), kind: 'count' as const },
    ],
    rows: matrix.map((row, d) => [days[d]!, ...row, row.reduce((a, b) => a + b, 0)]),
  };
  const max = Math.max(0, ...matrix.flat());
  const data = matrix.flatMap((row, d) => row.map((sessions, h) => [h, d, sessions] as [number, number, number]));
  const tooltipOf = (h: number, d: number, n: number) =>
    t('analytics.heatmap.tooltip', { day: days[d], from: `${hh(h)}:00`, to: `${hh((h + 1) % 24)}:00`, n: numberText({ value: n, kind: 'count' }, format) });

  return {
    option: {
      ...baseOption(),
      grid: { left: 8, right: 8, top: 8, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        ...baseOption().tooltip,
        trigger: 'item',
        formatter: (p) => {
          const [h, d, n] = (p as unknown as { value: [number, number, number] }).value;
          return escapeHtml(tooltipOf(h, d, n));
        },
      },
      xAxis: { type: 'category', data: HOURS.map(hh), splitArea: { show: true }, axisLabel: { ...CHART_FONT_FAMILY_OPTION } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true }, axisLabel: { ...CHART_FONT_FAMILY_OPTION } },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: Math.max(1, max),
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        inRange: { color: ['#f3f6fb', '#1f6feb'] },
        formatter: (v: unknown) => format.num(Number(v), 0),
        textStyle: { ...CHART_FONT_FAMILY_OPTION },
      },
      series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } } }],
    },
    text: figureText(table, format, [t('analytics.heatmap.tooltip', { day: '', from: '', to: '', n: '' })]),
    table,
    empty: max === 0,
    height: 300,
  };
}
