// Two pack versions side by side over the same period, with the difference B − A.
import type { z } from 'zod';
import type { PackFigures } from '../../../../content/schema/hub-api/console/analytics.ts';
import { CHART_COLORS, CHART_FONT_FAMILY_OPTION, baseOption, escapeHtml, figureText, numberText, ratio, type Figure, type FigureCell, type FigureFormat, type FigureNumber } from './figure-kit.ts';

export type PackRow = z.infer<typeof PackFigures>;

/**
 * The two versions to compare: the ones asked for when the period has them, otherwise
 * the two with the most sessions; A is the one whose name sorts first (usually the older).
 */
export function pickPair(packs: readonly PackRow[], asked: readonly [string | null, string | null]): [string, string] | null {
  const names = packs.map((p) => p.pack);
  if (names.length < 2) return null;
  const [a, b] = asked;
  if (a && b && a !== b && names.includes(a) && names.includes(b)) return [a, b];
  const bySessions = [...packs].sort((x, y) => y.funnel.sessions - x.funnel.sessions || x.pack.localeCompare(y.pack));
  if (a && names.includes(a)) return [a, bySessions.find((p) => p.pack !== a)!.pack];
  if (b && names.includes(b)) return [bySessions.find((p) => p.pack !== b)!.pack, b];
  const two = [bySessions[0]!.pack, bySessions[1]!.pack].sort((x, y) => x.localeCompare(y));
  return [two[0]!, two[1]!];
}

type Metric = { key: string; kind: FigureNumber['kind']; digits?: number; value: (p: PackRow) => number | null; charted?: true };

/** The figures compared; the rates are shares of the pack's sessions (a session counts once per step). */
export const PACK_METRICS: readonly Metric[] = [
  { key: 'kiosks', kind: 'count', value: (p) => p.kiosks },
  { key: 'sessions', kind: 'count', value: (p) => p.funnel.sessions },
  { key: 'engagement', kind: 'percent', value: (p) => ratio(p.funnel.engaged, p.funnel.sessions), charted: true },
  { key: 'gamesFinished', kind: 'percent', value: (p) => ratio(p.funnel.gameFinished, p.funnel.sessions), charted: true },
  { key: 'couponsIssued', kind: 'percent', value: (p) => ratio(p.funnel.couponIssued, p.funnel.sessions), charted: true },
  { key: 'couponsRedeemed', kind: 'percent', value: (p) => ratio(p.funnel.couponRedeemed, p.funnel.sessions), charted: true },
  { key: 'meanDwell', kind: 'seconds', value: (p) => (p.funnel.meanDwellMs === null ? null : Math.round(p.funnel.meanDwellMs / 1000)) },
];

function difference(metric: Metric, a: number | null, b: number | null): FigureNumber {
  const value = a === null || b === null ? null : b - a;
  return { value, kind: metric.kind === 'percent' ? 'points' : metric.kind, digits: metric.digits, signed: true };
}

export function packsFigure(packs: readonly PackRow[], pair: readonly [string, string], format: FigureFormat): Figure {
  const { t } = format;
  const [a, b] = pair.map((name) => packs.find((p) => p.pack === name)!) as [PackRow, PackRow];
  const rows: FigureCell[][] = PACK_METRICS.map((m) => {
    const va = m.value(a);
    const vb = m.value(b);
    return [t(`analytics.packs.metric.${m.key}`), { value: va, kind: m.kind, digits: m.digits }, { value: vb, kind: m.kind, digits: m.digits }, difference(m, va, vb)];
  });
  const table = {
    columns: [
      { label: t('analytics.packs.col.figure'), kind: 'text' as const },
      { label: `A: ${a.pack}`, kind: 'decimal' as const },
      { label: `B: ${b.pack}`, kind: 'decimal' as const },
      { label: t('analytics.packs.col.difference'), kind: 'decimal' as const },
    ],
    rows,
  };

  // The chart: the rates, A beside B, in percent (the same values the table rounds).
  const charted = PACK_METRICS.filter((m) => m.charted);
  const labels = charted.map((m) => t(`analytics.packs.metric.${m.key}`));
  const seriesOf = (pack: PackRow, name: string, color: string) => ({
    type: 'bar' as const,
    name,
    barMaxWidth: 18,
    itemStyle: { color },
    data: charted.map((m) => {
      const v = m.value(pack);
      return v === null ? null : Math.round(v * 1000) / 10;
    }),
    label: {
      show: true,
      position: 'right' as const,
      formatter: (p: unknown) => numberText({ value: charted[(p as { dataIndex: number }).dataIndex]!.value(pack), kind: 'percent' }, format),
      ...CHART_FONT_FAMILY_OPTION,
    },
  });
  const nameA = `A: ${a.pack}`;
  const nameB = `B: ${b.pack}`;
  return {
    option: {
      ...baseOption(),
      legend: { top: 0, textStyle: { ...CHART_FONT_FAMILY_OPTION } },
      grid: { left: 8, right: 64, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        ...baseOption().tooltip,
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesName?: string }[];
          const i = list[0]?.dataIndex ?? 0;
          const m = charted[i]!;
          return [escapeHtml(labels[i] ?? ''), ...[a, b].map((p, k) => `${escapeHtml(k === 0 ? nameA : nameB)}: <b>${escapeHtml(numberText({ value: m.value(p), kind: 'percent' }, format))}</b>`)].join('<br>');
        },
      },
      xAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: (v: number) => `${format.num(v, 0)}%`, ...CHART_FONT_FAMILY_OPTION } },
      yAxis: { type: 'category', inverse: true, data: labels, axisTick: { show: false }, axisLabel: { width: 200, overflow: 'truncate', ...CHART_FONT_FAMILY_OPTION } },
      series: [seriesOf(a, nameA, CHART_COLORS.main), seriesOf(b, nameB, CHART_COLORS.third)],
    },
    text: figureText(table, format, [nameA, nameB]),
    table,
    empty: false,
    height: 280,
  };
}
