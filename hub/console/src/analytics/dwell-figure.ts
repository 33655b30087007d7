// How long sessions lasted: "< 10 s", "10–30 s", "30 s–1 min" … "> 10 min".
import { DWELL_BUCKET_LIMITS_MS } from '../../../../content/schema/hub-api/console/analytics.ts';
import { CHART_COLORS, CHART_FONT_FAMILY_OPTION, baseOption, escapeHtml, figureText, numberText, ratio, type Figure, type FigureFormat, type Translate } from './figure-kit.ts';

export interface DwellBucket {
  upToMs: number | null;
  sessions: number;
}

/** A limit as a person says it: whole minutes from one minute on, seconds below. */
function limitPart(ms: number): { n: number; unit: 's' | 'min' } {
  return ms >= 60_000 && ms % 60_000 === 0 ? { n: ms / 60_000, unit: 'min' } : { n: Math.round(ms / 1000), unit: 's' };
}

function limitText(ms: number, t: Translate, num: (n: number) => string): string {
  const part = limitPart(ms);
  return t(`analytics.dwell.unit.${part.unit}`, { n: num(part.n) });
}

/** The label of the bucket between `lowerMs` (0 for the first) and `upperMs` (null for the last). */
export function bucketLabel(lowerMs: number, upperMs: number | null, t: Translate, num: (n: number) => string = String): string {
  if (upperMs === null) return t('analytics.dwell.over', { lower: limitText(lowerMs, t, num) });
  if (lowerMs <= 0) return t('analytics.dwell.under', { upper: limitText(upperMs, t, num) });
  const lower = limitPart(lowerMs);
  const upper = limitPart(upperMs);
  if (lower.unit === upper.unit) return t(`analytics.dwell.same.${upper.unit}`, { lower: num(lower.n), upper: num(upper.n) });
  return t('analytics.dwell.between', { lower: limitText(lowerMs, t, num), upper: limitText(upperMs, t, num) });
}

/** Every bucket the contract names, in order (a missing one has no sessions), then any other the hub sent. */
export function dwellBuckets(buckets: readonly DwellBucket[]): DwellBucket[] {
  const byLimit = new Map<number | null, number>();
  for (const b of buckets) byLimit.set(b.upToMs, (byLimit.get(b.upToMs) ?? 0) + b.sessions);
  const limits: (number | null)[] = [...DWELL_BUCKET_LIMITS_MS];
  for (const limit of byLimit.keys()) if (!limits.includes(limit)) limits.push(limit);
  limits.sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return limits.map((upToMs) => ({ upToMs, sessions: byLimit.get(upToMs) ?? 0 }));
}

export function dwellFigure(answer: readonly DwellBucket[], format: FigureFormat): Figure {
  const { t } = format;
  const buckets = dwellBuckets(answer);
  const total = buckets.reduce((sum, b) => sum + b.sessions, 0);
  const num = (n: number) => format.num(n, 0);
  const labels = buckets.map((b, i) => bucketLabel(i === 0 ? 0 : (buckets[i - 1]!.upToMs ?? 0), b.upToMs, t, num));
  const table = {
    columns: [
      { label: t('analytics.dwell.col.bucket'), kind: 'text' as const },
      { label: t('analytics.dwell.col.sessions'), kind: 'count' as const },
      { label: t('analytics.dwell.col.share'), kind: 'percent' as const },
    ],
    rows: buckets.map((b, i) => [labels[i]!, b.sessions, ratio(b.sessions, total)]),
  };
  const barText = buckets.map((b) => numberText({ value: b.sessions, kind: 'count' }, format));
  return {
    option: {
      ...baseOption(),
      grid: { left: 8, right: 8, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        ...baseOption().tooltip,
        trigger: 'item',
        formatter: (p) => {
          const i = (p as { dataIndex: number }).dataIndex;
          return `${escapeHtml(labels[i] ?? '')}<br><b>${escapeHtml(barText[i] ?? '')}</b> (${escapeHtml(numberText({ value: ratio(buckets[i]?.sessions ?? 0, total), kind: 'percent' }, format))})`;
        },
      },
      xAxis: { type: 'category', data: labels, axisTick: { alignWithLabel: true }, axisLabel: { interval: 0, ...CHART_FONT_FAMILY_OPTION } },
      yAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: (v: number) => num(v), ...CHART_FONT_FAMILY_OPTION } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          itemStyle: { color: CHART_COLORS.main },
          data: buckets.map((b) => b.sessions),
          label: { show: true, position: 'top', formatter: (p) => barText[(p as { dataIndex: number }).dataIndex] ?? '', ...CHART_FONT_FAMILY_OPTION },
        },
      ],
    },
    text: figureText(table, format),
    table,
    empty: total === 0,
  };
}

/** A mean length for the note: "1 min 23 s" style through the units the buckets use. */
export function meanText(ms: number, format: FigureFormat): string {
  if (ms < 60_000) return format.t('analytics.dwell.unit.s', { n: format.num(Math.round(ms / 1000), 0) });
  const totalSec = Math.round(ms / 1000);
  const min = Math.floor(totalSec / 60);
  const sec = totalSec % 60;
  const minText = format.t('analytics.dwell.unit.min', { n: format.num(min, 0) });
  return sec === 0 ? minText : `${minText} ${format.t('analytics.dwell.unit.s', { n: format.num(sec, 0) })}`;
}
