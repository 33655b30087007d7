// What the chart's value axis reads, from ECharts' own rendering of the option (SVG, no DOM).
import { describe, expect, it } from 'vitest';
import { buildChartOption } from './chart-option.ts';
import type { ChartSeries } from './chart-series.ts';
import { svgTexts } from '../test-support/svg-texts.ts';

const HOUR = 3_600_000;
const format = { time: (at: number) => `t${at / HOUR}`, value: (v: number, digits: number) => v.toFixed(digits) };

/** The value axis's labels as drawn, bottom to top. */
function valueLabels(series: ChartSeries): string[] {
  return svgTexts(buildChartOption(series, format).option).filter((t) => !t.startsWith('t'));
}

const points = (values: (number | null)[]) => values.map((value, i) => ({ at: i * HOUR, value }));

describe('a chart’s value axis', () => {
  it('counts whole things in whole steps, even when every count is zero', () => {
    expect(valueLabels({ kind: 'line', name: 'Unsent events', digits: 0, points: points([0, 0, 0, 0]) })).toEqual(['0', '1']);
    expect(valueLabels({ kind: 'bar', name: 'Sessions', digits: 0, points: points([0, 2, 1, 3]) })).toEqual(['0', '1', '2', '3']);
  });

  it('never reads the same label twice', () => {
    for (const [digits, values] of [[0, [0, 1, 0]], [0, [null, 0]], [1, [0, 0.1, 0.2]], [0, [0, 7, 40]]] as const) {
      const labels = valueLabels({ kind: 'line', name: 'x', digits, points: points([...values]) });
      expect(labels.length).toBeGreaterThan(1);
      expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    }
  });
});
