// Labelled horizontal bars, the shape most reports draw: one bar per table row, its
// label written beside it exactly as the table writes the row.
import { CHART_COLORS, CHART_FONT_FAMILY_OPTION, baseOption, escapeHtml } from './figure-kit.ts';
import type { ConsoleChartOption } from '../charts/echarts-setup.ts';

export interface Bar {
  label: string;
  value: number;
  /** Written at the end of the bar and in the tooltip. */
  text: string;
  color?: string;
}

export function barListOption(bars: readonly Bar[], axisText: (value: number) => string): ConsoleChartOption {
  return {
    ...baseOption(),
    grid: { left: 8, right: 96, top: 8, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'item',
      formatter: (p) => {
        const bar = bars[(p as { dataIndex: number }).dataIndex];
        return bar ? `${escapeHtml(bar.label)}<br><b>${escapeHtml(bar.text)}</b>` : '';
      },
    },
    // Counts: whole ticks only (a small maximum would otherwise write 0, 1, 1, 2…).
    xAxis: { type: 'value', min: 0, minInterval: 1, axisLabel: { formatter: (v: number) => axisText(v), hideOverlap: true, ...CHART_FONT_FAMILY_OPTION } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.label),
      axisTick: { show: false },
      axisLabel: { width: 220, overflow: 'truncate', ...CHART_FONT_FAMILY_OPTION },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color ?? CHART_COLORS.main } })),
        label: { show: true, position: 'right', formatter: (p) => bars[(p as { dataIndex: number }).dataIndex]?.text ?? '', ...CHART_FONT_FAMILY_OPTION },
      },
    ],
  };
}

/** A canvas tall enough for `rows` bars. */
export function heightFor(rows: number): number {
  return Math.min(720, Math.max(180, rows * 28 + 48));
}
