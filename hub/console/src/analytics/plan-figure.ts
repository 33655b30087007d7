// Events that break the tracking plan, by event and problem, most frequent first.
import type { z } from 'zod';
import type { PlanProblem } from '../../../../content/schema/hub-api/console/analytics.ts';
import { barListOption, heightFor } from './bar-list.ts';
import { CHART_COLORS, figureText, numberText, type Figure, type FigureFormat } from './figure-kit.ts';

export type PlanProblemRow = z.infer<typeof PlanProblem>;

export function planFigure(problems: readonly PlanProblemRow[], format: FigureFormat & { dateTime(at: number): string }): Figure {
  const { t } = format;
  const sorted = [...problems].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
  const table = {
    columns: [
      { label: t('analytics.plan.col.event'), kind: 'text' as const },
      { label: t('analytics.plan.col.problem'), kind: 'text' as const },
      { label: t('analytics.plan.col.count'), kind: 'count' as const },
      { label: t('analytics.plan.col.lastAt'), kind: 'text' as const },
    ],
    rows: sorted.map((p) => [p.event, p.problem, p.count, format.dateTime(p.lastAt)]),
  };
  const bars = sorted.map((p) => ({
    label: t('analytics.plan.label', { event: p.event, problem: p.problem }),
    value: p.count,
    text: numberText({ value: p.count, kind: 'count' }, format),
    color: CHART_COLORS.third,
  }));
  return {
    option: barListOption(bars, (v) => format.num(v, 0)),
    text: figureText(table, format, bars.map((b) => b.label)),
    table,
    empty: problems.length === 0,
    height: heightFor(bars.length),
  };
}
