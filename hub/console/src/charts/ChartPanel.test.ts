import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { kioskSeries } from '../kiosk/kiosk-series.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import ChartPanel from './ChartPanel.vue';
import { buildChartOption } from './chart-option.ts';

const HOUR = 3_600_000;
const t0 = Date.UTC(2025, 4, 3, 0, 0, 0);
const history = {
  health: [
    { at: t0 + 2 * HOUR, outboxDepth: 1250, jsHeapBytes: 150 * 1024 * 1024, fps: 58.6 },
    { at: t0, outboxDepth: 3, jsHeapBytes: 96.25 * 1024 * 1024, fps: 60 },
    { at: t0 + HOUR, outboxDepth: null, jsHeapBytes: null, fps: null },
  ],
  sessionsPerHour: [{ hour: t0 + 5 * HOUR, sessions: 14 }],
};
const names = { queue: 'Unsent events', heap: 'JS heap MB', fps: 'fps', sessions: 'Sessions' };

function render(series: ReturnType<typeof kioskSeries>['queue'], title: string) {
  const app = consoleTestApp({ fetch: fakeHub({}).fetch, locale: 'en' });
  // The canvas itself needs a real browser; the toggle and the table are what is tested here.
  return mount(ChartPanel, { props: { title, series, testid: 'chart-under-test' }, global: { ...app.global, stubs: { ChartCanvas: { template: '<div data-testid="chart-canvas" />' } } } });
}

describe('a chart’s table toggle', () => {
  it('shows the same numbers as a table, in time order, and goes back to the chart', async () => {
    const series = kioskSeries(history, names);
    const wrapper = render(series.queue, 'Unsent events');
    expect(wrapper.find('[data-testid=chart-canvas]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=chart-table]').exists()).toBe(false);

    await wrapper.get('[data-testid=chart-toggle]').trigger('click');
    const cells = wrapper.get('[data-testid=chart-table]').findAll('tbody tr').map((tr) => tr.findAll('td')[1]!.text());
    expect(cells).toEqual(['3', '—', '1,250']);
    expect(wrapper.get('[data-testid=chart-table]').find('th.num').text()).toBe('Unsent events');
    expect(wrapper.get('[data-testid=chart-toggle]').text()).toBe('Chart');

    await wrapper.get('[data-testid=chart-toggle]').trigger('click');
    expect(wrapper.find('[data-testid=chart-table]').exists()).toBe(false);
  });

  it('writes the heap in MB with one decimal, as the chart’s axis and tooltip do', async () => {
    const series = kioskSeries(history, names);
    const wrapper = render(series.heap, 'JS heap (MB)');
    await wrapper.get('[data-testid=chart-toggle]').trigger('click');
    const cells = wrapper.get('[data-testid=chart-table]').findAll('tbody tr').map((tr) => tr.findAll('td')[1]!.text());
    expect(cells).toEqual(['96.3', '—', '150.0']);
    // The chart plots the very same values.
    const { option } = buildChartOption(series.heap, { time: String, value: (v, d) => v.toFixed(d) });
    const plotted = (option.series as Array<{ data: Array<[number, number | null]> }>)[0]!.data.map(([, v]) => v);
    expect(plotted).toEqual([96.3, null, 150]);
  });

  it('says so when there is nothing to plot', () => {
    const wrapper = render({ kind: 'bar', name: 'Sessions', digits: 0, points: [] }, 'Sessions');
    expect(wrapper.text()).toContain('No data in the last 7 days.');
  });
});
