// A series as an ECharts option, with the text it will draw on the canvas (for the
// font wait). The axis, the tooltip and the table format numbers the same way.
import { CHART_FONT_FAMILY, charactersOf } from './chart-font.ts';
import type { ChartSeries } from './chart-series.ts';
import type { ConsoleChartOption } from './echarts-setup.ts';

export interface ChartFormat {
  time(at: number): string;
  value(value: number, digits: number): string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildChartOption(series: ChartSeries, format: ChartFormat): { option: ConsoleChartOption; text: string } {
  const data = series.points.map((p) => [p.at, p.value] as [number, number | null]);
  const values = series.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const max = values.length ? Math.max(...values) : 0;
  const option: ConsoleChartOption = {
    animation: false,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    grid: { left: 64, right: 20, top: 16, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const [at, value] = (first?.value ?? []) as [number, number | null];
        const shown = value === null || value === undefined ? '—' : format.value(value, series.digits);
        return `${escapeHtml(format.time(at))}<br>${escapeHtml(series.name)}: <b>${escapeHtml(shown)}</b>`;
      },
    },
    xAxis: { type: 'time', axisLabel: { formatter: (v: number) => format.time(v), hideOverlap: true, fontFamily: CHART_FONT_FAMILY } },
    // No step finer than the digits shown: an all-zero count reads 0 and 1, not 0 0 0 1 1 1.
    yAxis: { type: 'value', min: 0, minInterval: 10 ** -series.digits, axisLabel: { formatter: (v: number) => format.value(v, series.digits), fontFamily: CHART_FONT_FAMILY } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', showDetail: false, height: 18, bottom: 10 }],
    series: [
      series.kind === 'line'
        ? { type: 'line', name: series.name, data, showSymbol: false, connectNulls: false, lineStyle: { width: 1.5 } }
        : { type: 'bar', name: series.name, data, barMaxWidth: 10 },
    ],
  };
  // Axis labels are times and numbers made by the same formatters: their characters
  // are those of the points' labels, the axis maximum and the digits.
  const text = charactersOf([
    series.name,
    '0123456789.,-:/ ',
    format.value(max, series.digits),
    ...series.points.map((p) => format.time(p.at)),
  ]);
  return { option, text };
}
