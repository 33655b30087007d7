import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, kiosk, store } from '../test-support/fixtures.ts';
import FleetPage from './FleetPage.vue';

const fleet = [
  kiosk({ deviceId: 'sh-door-0001', name: 'Entrance window', storeId: 'sh-01' }),
  kiosk({ deviceId: 'sh-aisle-0002', name: 'Cosmetics aisle', storeId: 'sh-01', online: false, lastHeartbeatAt: NOW - 3 * 60_000, openAlerts: 1 }),
  kiosk({ deviceId: 'bj-door-0003', name: 'Entrance window', storeId: 'bj-01', openAlerts: 2 }),
];

async function renderFleet(kiosks: KioskRow[], opts: { locale?: 'zh-CN' | 'en'; role?: 'admin' | 'merchandiser' } = {}) {
  const hub = fakeHub({
    'GET /api/kiosks': { status: 200, body: { kiosks, now: NOW } },
    'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road'), store('bj-01', 'Beijing Sanlitun')] } },
  });
  const app = consoleTestApp({ fetch: hub.fetch, locale: opts.locale ?? 'en', role: opts.role ?? 'admin' });
  await app.router.push('/');
  const wrapper = mount(FleetPage, { global: app.global, attachTo: document.body });
  await flushPromises();
  return { wrapper, app };
}

const shownIds = (wrapper: Awaited<ReturnType<typeof renderFleet>>['wrapper']) => wrapper.findAll('[data-testid=fleet-row]').map((r) => r.attributes('data-device-id'));

describe('the fleet page', () => {
  beforeEach(() => {
    // happy-dom lays nothing out: give the table's scroll box a laptop's height.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(700);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('lists every kiosk with its store, state and heartbeat age, and counts them', async () => {
    const { wrapper } = await renderFleet(fleet);
    expect(shownIds(wrapper)).toEqual(['bj-door-0003', 'sh-aisle-0002', 'sh-door-0001']);
    const row = wrapper.get('[data-device-id=sh-aisle-0002]');
    expect(row.text()).toContain('Shanghai Nanjing Road');
    expect(row.text()).toContain('Offline');
    expect(row.text()).toContain('3 min ago');
    expect(row.text()).toContain('spring 2025.04.1');
    expect(wrapper.get('[data-testid=fleet-count-total]').text()).toBe('3');
    expect(wrapper.get('[data-testid=fleet-count-online]').text()).toBe('2');
    expect(wrapper.get('[data-testid=fleet-count-offline]').text()).toBe('1');
    expect(wrapper.get('[data-testid=fleet-count-alerts]').text()).toBe('2');
    wrapper.unmount();
  });

  it('shows the list before its rows are checked, and takes it away with a clear error when a row breaks the contract', async () => {
    const broken = { ...kiosk({ deviceId: 'sh-door-0009' }), online: 'yes' } as unknown as KioskRow;
    const { wrapper } = await renderFleet([...fleet, broken]);
    // flushPromises lets every slice of the check run: the list is gone and the page says why.
    await vi.waitFor(() => expect(shownIds(wrapper)).toEqual([]));
    expect(wrapper.text()).toContain('The hub gave an answer the console does not understand');
    wrapper.unmount();
  });

  it('filters by store and by name or device id, and counts what is left', async () => {
    const { wrapper } = await renderFleet(fleet);
    await wrapper.get('[data-testid=fleet-store-filter]').setValue('sh-01');
    expect(shownIds(wrapper)).toEqual(['sh-aisle-0002', 'sh-door-0001']);
    expect(wrapper.get('[data-testid=fleet-count-online]').text()).toBe('1');
    expect(wrapper.get('[data-testid=fleet-count-offline]').text()).toBe('1');

    await wrapper.get('[data-testid=fleet-text-filter]').setValue('door');
    expect(shownIds(wrapper)).toEqual(['sh-door-0001']);
    expect(wrapper.get('[data-testid=fleet-count-total]').text()).toBe('1');

    await wrapper.get('[data-testid=fleet-text-filter]').setValue('nothing-like-this');
    expect(wrapper.get('[data-testid=fleet-no-match]').text()).toContain('No kiosk matches these filters.');
    wrapper.unmount();
  });

  it('says what to do when there are no kiosks yet', async () => {
    const { wrapper } = await renderFleet([], { locale: 'zh-CN' });
    expect(wrapper.get('[data-testid=fleet-empty]').text()).toContain('还没有设备——先生成一个注册码');
    expect(wrapper.get('[data-testid=fleet-empty]').text()).toContain('生成注册码');
    wrapper.unmount();
  });

  it('opens the kiosk page when a row is clicked', async () => {
    const { wrapper, app } = await renderFleet(fleet);
    await wrapper.get('[data-device-id=bj-door-0003]').trigger('click');
    await vi.waitFor(() => expect(app.router.currentRoute.value.fullPath).toBe('/kiosks/bj-door-0003'), { timeout: 5000 });
    wrapper.unmount();
  });

  it('keeps 5,000 kiosks to the rows in view', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => kiosk({ deviceId: `kiosk-${String(i).padStart(5, '0')}`, name: `Screen ${i}`, storeId: i % 2 ? 'sh-01' : 'bj-01', online: i % 10 !== 0 }));
    const { wrapper } = await renderFleet(many);
    expect(wrapper.get('[data-testid=fleet-count-total]').text()).toBe('5,000');
    expect(wrapper.get('[data-testid=fleet-count-offline]').text()).toBe('500');
    const rows = wrapper.findAll('[data-testid=fleet-row]').length;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(60);
    await wrapper.get('[data-testid=fleet-text-filter]').setValue('kiosk-04999');
    expect(shownIds(wrapper)).toEqual(['kiosk-04999']);
    wrapper.unmount();
  });
});
