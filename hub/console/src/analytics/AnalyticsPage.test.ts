import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import FigureCanvas from '../charts/FigureCanvas.vue';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { FAIR, FLAGGED, FUNNEL, PACKS } from '../test-support/analytics-fixtures.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, kiosk, store } from '../test-support/fixtures.ts';
import AnalyticsPage from './AnalyticsPage.vue';

const answers = {
  'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road'), store('bj-01', 'Beijing Sanlitun')] } },
  'GET /api/kiosks': {
    status: 200,
    body: { kiosks: [kiosk({ deviceId: 'sh-door-0001', name: 'Entrance window', storeId: 'sh-01' }), kiosk({ deviceId: 'bj-door-0003', name: 'Beijing door', storeId: 'bj-01' })], now: NOW },
  },
  'GET /api/analytics/pack-versions': { status: 200, body: { packs: ['spring@2025.05.1', 'spring@2025.04.1'] } },
  'GET /api/analytics/funnel': { status: 200, body: FUNNEL },
  'GET /api/analytics/heatmap': { status: 200, body: { cells: [{ weekday: 0, hour: 10, sessions: 12 }, { weekday: 6, hour: 21, sessions: 3 }] } },
  'GET /api/analytics/dwell': { status: 200, body: { buckets: [{ upToMs: 10_000, sessions: 50 }, { upToMs: 30_000, sessions: 45 }, { upToMs: null, sessions: 5 }] } },
  'GET /api/analytics/packs': { status: 200, body: { packs: PACKS } },
  'GET /api/analytics/scans': { status: 200, body: { top: [{ productId: '06901234567892', scans: 1250, kiosks: 3 }], notFound: [{ productId: '04006381333931', scans: 7, kiosks: 1 }] } },
  'GET /api/analytics/games': { status: 200, body: { campaigns: [FAIR, FLAGGED] } },
  'GET /api/analytics/inputs': { status: 200, body: { wakes: { touch: 70, gesture: 25, scan: 5 }, gestures: { pinch: 10, wave: 2 }, scans: { scanner: 40, camera: 60 }, cameras: { available: 3, denied: 1 } } },
  'GET /api/analytics/plan-problems': { status: 200, body: { problems: [{ event: 'Product Scanned', problem: 'missing "product_id", stored anyway', count: 4, lastAt: NOW }] } },
};

async function render(opts: { path?: string; role?: Role; locale?: 'zh-CN' | 'en' } = {}) {
  const hub = fakeHub(answers);
  const app = consoleTestApp({ fetch: hub.fetch, role: opts.role ?? 'analyst', locale: opts.locale ?? 'en' });
  await app.router.push(opts.path ?? '/analytics');
  // The canvas needs a real browser: the stub keeps the option each chart would draw.
  const wrapper = mount(AnalyticsPage, { global: { ...app.global, stubs: { FigureCanvas: true } }, attachTo: document.body });
  await flushPromises();
  return { wrapper, hub, app };
}

const lastRequest = (hub: ReturnType<typeof fakeHub>, path: string) => {
  const req = hub.sent.filter((r) => r.path === path).at(-1);
  return req ? Object.fromEntries(new URL(req.url, 'http://hub').searchParams) : null;
};
const tableOf = (panel: ReturnType<VueWrapper['get']>) => panel.get('[data-testid=chart-table]').findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
const chartOf = (wrapper: VueWrapper, testid: string) => {
  const canvas = wrapper.get(`[data-testid=${testid}]`).findComponent(FigureCanvas);
  return canvas.props('option') as { series: { data: unknown[] }[] };
};
const values = (data: unknown[]) => data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d));
const midnight = (y: number, m: number, d: number) => String(new Date(y, m - 1, d).getTime());

describe('the analytics page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('sends a shared link’s filters with every report, and puts new choices in the address', async () => {
    const { wrapper, hub, app } = await render({ path: '/analytics?store=sh-01&period=custom&from=2025-05-01&to=2025-05-07' });
    const period = { from: midnight(2025, 5, 1), to: midnight(2025, 5, 8) };
    for (const path of ['/api/analytics/funnel', '/api/analytics/heatmap', '/api/analytics/dwell', '/api/analytics/games', '/api/analytics/inputs']) {
      expect(lastRequest(hub, path), path).toEqual({ storeId: 'sh-01', ...period });
    }
    expect(lastRequest(hub, '/api/analytics/scans')).toEqual({ storeId: 'sh-01', ...period, limit: '20' });
    expect(lastRequest(hub, '/api/analytics/plan-problems')).toEqual(period);
    expect((wrapper.get('[data-testid=analytics-store]').element as HTMLSelectElement).value).toBe('sh-01');
    // Only the chosen store's kiosks are offered.
    expect(wrapper.get('[data-testid=analytics-kiosk]').text()).toContain('Entrance window');
    expect(wrapper.get('[data-testid=analytics-kiosk]').text()).not.toContain('Beijing door');

    await wrapper.get('[data-testid=analytics-kiosk]').setValue('sh-door-0001');
    await wrapper.get('[data-testid=analytics-pack]').setValue('spring@2025.05.1');
    await flushPromises();
    expect(lastRequest(hub, '/api/analytics/funnel')).toEqual({ storeId: 'sh-01', deviceId: 'sh-door-0001', pack: 'spring@2025.05.1', ...period });
    // The pack list and the comparison span every pack.
    expect(lastRequest(hub, '/api/analytics/pack-versions')).toEqual({ storeId: 'sh-01', deviceId: 'sh-door-0001', ...period });
    expect(lastRequest(hub, '/api/analytics/packs')).toEqual({ storeId: 'sh-01', deviceId: 'sh-door-0001', ...period });
    expect(app.router.currentRoute.value.query).toEqual({ store: 'sh-01', kiosk: 'sh-door-0001', pack: 'spring@2025.05.1', period: 'custom', from: '2025-05-01', to: '2025-05-07' });

    await wrapper.get('[data-testid=analytics-period-today]').trigger('click');
    await flushPromises();
    expect(app.router.currentRoute.value.query).toMatchObject({ period: 'today' });
    const today = new Date();
    expect(lastRequest(hub, '/api/analytics/funnel')).toMatchObject({
      from: String(new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()),
      to: String(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime()),
    });

    // Another store: its kiosk filter no longer applies.
    await wrapper.get('[data-testid=analytics-store]').setValue('bj-01');
    await flushPromises();
    expect(app.router.currentRoute.value.query.kiosk).toBeUndefined();
    expect(lastRequest(hub, '/api/analytics/funnel')).toMatchObject({ storeId: 'bj-01' });
    expect(lastRequest(hub, '/api/analytics/funnel')!.deviceId).toBeUndefined();
  });

  it('shows each chart’s numbers in its table', async () => {
    const { wrapper } = await render();
    const funnel = wrapper.get('[data-testid=report-funnel]');
    await funnel.get('[data-testid=chart-toggle]').trigger('click');
    const funnelRows = tableOf(funnel);
    expect(funnelRows[0]).toEqual(['Sessions', '1,000', '—', '100.0%']);
    expect(funnelRows[2]).toEqual(['Engaged (scan, play or offers)', '600', '75.0%', '60.0%']);
    expect(funnelRows.at(-1)).toEqual(['Redeemed it at the till', '30', '25.0%', '3.0%']);
    await funnel.get('[data-testid=chart-toggle]').trigger('click');
    expect(values(chartOf(wrapper, 'report-funnel').series[0]!.data)).toEqual([1000, 800, 600, 300, 400, 100, 350, 120, 30]);

    const heatmap = wrapper.get('[data-testid=report-heatmap]');
    expect(heatmap.get('[data-testid=chart-note]').text()).toBe('Weekdays and hours are each store’s local time.');
    const cells = chartOf(wrapper, 'report-heatmap').series[0]!.data as [number, number, number][];
    expect(cells.filter(([, , n]) => n > 0)).toEqual([
      [10, 0, 12],
      [21, 6, 3],
    ]);
    await heatmap.get('[data-testid=chart-toggle]').trigger('click');
    const heat = tableOf(heatmap);
    expect(heat.map((r) => r[0])).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(heat[0]![1 + 10]).toBe('12');
    expect(heat[6]![1 + 21]).toBe('3');

    const dwell = wrapper.get('[data-testid=report-dwell]');
    expect(dwell.get('[data-testid=chart-note]').text()).toBe('Mean length of the sessions that ended: 1 min 23 s.');
    await dwell.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(dwell).map((r) => r.slice(0, 2))).toEqual([
      ['< 10 s', '50'],
      ['10–30 s', '45'],
      ['30 s–1 min', '0'],
      ['1–2 min', '0'],
      ['2–5 min', '0'],
      ['5–10 min', '0'],
      ['> 10 min', '5'],
    ]);

    const packs = wrapper.get('[data-testid=report-packs]');
    expect(values(chartOf(wrapper, 'report-packs').series[1]!.data)).toEqual([60, 30, 12, 4]);
    await packs.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(packs).slice(2, 6).map((r) => r[2])).toEqual(['60.0%', '30.0%', '12.0%', '4.0%']);
    expect(tableOf(packs)[2]).toEqual(['Engagement rate', '50.0%', '60.0%', '+10.0 pp']);

    const wakes = wrapper.get('[data-testid=report-inputs-wakes]');
    await wakes.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(wakes)).toEqual([
      ['Touch', '70', '70.0%'],
      ['Gesture', '25', '25.0%'],
      ['Scan', '5', '5.0%'],
      ['Key', '0', '0.0%'],
    ]);
    const cameras = wrapper.get('[data-testid=report-inputs-cameras]');
    await cameras.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(cameras).filter((r) => r[1] !== '0')).toEqual([
      ['Available', '3', '75.0%'],
      ['Not allowed', '1', '25.0%'],
    ]);
  });

  it('lets the pack comparison pick its two versions, and keeps them in the address', async () => {
    const { wrapper, app } = await render();
    await wrapper.get('[data-testid=packs-b]').setValue('old@1');
    await flushPromises();
    expect(app.router.currentRoute.value.query).toMatchObject({ packA: 'spring@2025.04.1', packB: 'old@1' });
    const packs = wrapper.get('[data-testid=report-packs]');
    await packs.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(packs)[1]).toEqual(['Sessions', '400', '10', '-390']);
  });

  it('shows product codes as the barcode reads, and the catalogue’s gaps as the merchandiser’s to-do list', async () => {
    const { wrapper } = await render({ role: 'merchandiser' });
    const top = wrapper.get('[data-testid=report-scans-top]');
    await top.get('[data-testid=chart-toggle]').trigger('click');
    expect(tableOf(top)).toEqual([['6901234567892', '1,250', '3']]);
    const todo = wrapper.get('[data-testid=report-scans-not-found]');
    expect(todo.get('[data-testid=chart-note]').text()).toContain('The merchandiser’s to-do list');
    expect(tableOf(todo)).toEqual([['4006381333931', '7', '1']]);
  });

  it('makes a flagged campaign stand out with its sentence, in both languages', async () => {
    const { wrapper } = await render();
    const lines = wrapper.findAll('[data-testid=games-flagged-campaign]');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text()).toBe(
      'wheel · spring-draw: the observed win rate 18.1% (420 draws) lies outside the 99 % interval of what the pack configured (10.0%) — prizes are not being given as the pack says. Check the pack’s odds and prize stock.',
    );
    const games = wrapper.get('[data-testid=report-games]');
    await games.get('[data-testid=chart-toggle]').trigger('click');
    const flaggedRow = games.get('[data-testid=chart-table] tbody tr');
    expect(flaggedRow.attributes('data-tone')).toBe('bad');
    expect(flaggedRow.text()).toContain('Does not match');
    wrapper.unmount();

    const zh = await render({ locale: 'zh-CN' });
    expect(zh.wrapper.get('[data-testid=games-flagged]').text()).toContain('需要检查的活动');
    expect(zh.wrapper.get('[data-testid=games-flagged-campaign]').text()).toContain('观测中奖率 18.1%（420 次抽奖）落在内容包设定（10.0%）的 99% 区间之外');
  });

  describe('CSV export', () => {
    let saved: { blob: Blob | null; name: string | null };
    beforeEach(() => {
      saved = { blob: null, name: null };
      URL.createObjectURL = vi.fn((blob: Blob) => ((saved.blob = blob), 'blob:test'));
      URL.revokeObjectURL = vi.fn();
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.name = this.download;
      });
    });

    const download = async (wrapper: VueWrapper, testid: string) => {
      await wrapper.get(`[data-testid=${testid}] [data-testid=chart-csv]`).trigger('click');
      const bytes = new Uint8Array(await saved.blob!.arrayBuffer());
      return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), name: saved.name };
    };

    it('downloads the funnel’s table with a BOM, its header row and the period in the file name', async () => {
      const { wrapper } = await render({ path: '/analytics?period=custom&from=2025-05-01&to=2025-05-07' });
      const { bytes, text, name } = await download(wrapper, 'report-funnel');
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(name).toBe('funnel_2025-05-01_2025-05-07.csv');
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('Step,Sessions,From the step before,Of all sessions');
      expect(lines[1]).toBe('Sessions,1000,,100.0%');
      expect(lines[3]).toBe('"Engaged (scan, play or offers)",600,75.0%,60.0%');
      expect(saved.blob!.type).toBe('text/csv;charset=utf-8');
    });

    it('quotes what needs quoting, and writes Chinese headers in a Chinese console', async () => {
      const { wrapper } = await render({ locale: 'zh-CN', path: '/analytics?period=custom&from=2025-05-01&to=2025-05-01' });
      const { text, name } = await download(wrapper, 'report-plan-problems');
      expect(name).toBe('tracking-plan-problems_2025-05-01.csv');
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('事件,问题,次数,最近一次');
      expect(lines[1]).toMatch(/^Product Scanned,"missing ""product_id"", stored anyway",4,/);
    });
  });

  it('offers analysts the raw events with the filters, and not merchandisers', async () => {
    const { wrapper } = await render({ path: '/analytics?store=sh-01&period=custom&from=2025-05-01&to=2025-05-07' });
    const csv = new URL(wrapper.get('[data-testid=raw-events-csv]').attributes('href')!, 'http://hub');
    expect(csv.pathname).toBe('/api/events/export');
    expect(Object.fromEntries(csv.searchParams)).toEqual({ storeId: 'sh-01', from: midnight(2025, 5, 1), to: midnight(2025, 5, 8), format: 'csv' });
    expect(wrapper.get('[data-testid=raw-events-ndjson]').attributes('href')).toContain('format=ndjson');
    wrapper.unmount();

    const merchandiser = await render({ role: 'merchandiser' });
    expect(merchandiser.wrapper.find('[data-testid=raw-events]').exists()).toBe(false);
  });

  it('says what failed in the panel that failed, and the rest still shows', async () => {
    const hub = fakeHub({ ...answers, 'GET /api/analytics/games': { status: 400, body: { error: 'The period is too long.', code: 'bad-query' } } });
    const app = consoleTestApp({ fetch: hub.fetch, role: 'admin', locale: 'en' });
    await app.router.push('/analytics');
    const wrapper = mount(AnalyticsPage, { global: { ...app.global, stubs: { FigureCanvas: true } } });
    await flushPromises();
    expect(wrapper.get('[data-testid=report-games] [data-testid=chart-error]').text()).toBe('The period is too long.');
    expect(wrapper.find('[data-testid=report-funnel] [data-testid=chart-error]').exists()).toBe(false);
  });
});
