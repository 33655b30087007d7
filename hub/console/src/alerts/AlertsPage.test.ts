import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, type AlertRow } from '../../../../content/schema/hub-api/console/alerts.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, store } from '../test-support/fixtures.ts';
import AlertsPage from './AlertsPage.vue';

const offline: AlertRow = { id: 9, kind: 'offline', deviceId: 'sh-door-0001', kioskName: 'Entrance window', storeId: 'sh-01', openedAt: NOW, resolvedAt: null, detail: { lastHeartbeatAt: NOW - 3_600_000, offlineOpenMinutes: 40 } };

async function render(role: 'admin' | 'analyst', hubTime?: () => number) {
  const hub = fakeHub({
    'GET /api/alerts': (req) => ({ status: 200, body: { alerts: req.url.includes('state=all') ? [offline, { ...offline, id: 8, resolvedAt: NOW + 1 }] : [offline] } }),
    'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road')] } },
    'GET /api/settings/alerts': { status: 200, body: DEFAULT_ALERT_SETTINGS },
    'PUT /api/settings/alerts': (req) => ({ status: 200, body: req.body }),
  }, hubTime ? { hubTime } : {});
  const app = consoleTestApp({ fetch: hub.fetch, role, locale: 'en' });
  await app.router.push('/alerts');
  const wrapper = mount(AlertsPage, { global: app.global });
  await flushPromises();
  return { wrapper, hub };
}

describe('the alerts page', () => {
  it('lists open alerts as sentences, and the last 30 days on request', async () => {
    const { wrapper } = await render('analyst');
    const row = wrapper.get('[data-testid=alert-row]');
    expect(row.text()).toContain('Offline');
    expect(row.text()).toContain('Entrance window');
    expect(row.text()).toContain('Shanghai Nanjing Road');
    expect(row.get('[data-testid=alert-seen]').text()).toBe('No heartbeat for 40 min of opening hours.');
    expect(wrapper.find('[data-testid=alert-settings]').exists()).toBe(false);

    await wrapper.get('[data-testid=alerts-all]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid=alert-row]')).toHaveLength(2);
  });

  it('counts an alert’s age from the hub’s clock, not this computer’s', async () => {
    // The manager's laptop is a year and more ahead of the hub (NOW is in May 2025).
    const { wrapper } = await render('analyst', () => NOW + 25 * 60_000);
    expect(wrapper.get('[data-testid=alert-row]').text()).toContain('25 min ago');
  });

  it('checks the alert settings before sending them', async () => {
    const { wrapper, hub } = await render('admin');
    await wrapper.get('[data-testid=alert-webhook-url]').setValue('ftp://example.com/hook');
    await wrapper.get('[data-testid=alert-offlineMin]').setValue('2');
    await wrapper.get('[data-testid=alert-settings] form').trigger('submit');
    await flushPromises();
    const settings = wrapper.get('[data-testid=alert-settings]').text();
    expect(settings).toContain('Enter a full address starting with http:// or https://');
    expect(settings).toContain('Enter a whole number from 5 to 1440');
    expect(hub.sent.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await wrapper.get('[data-testid=alert-webhook-url]').setValue('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc');
    await wrapper.get('[data-testid=alert-webhook-format]').setValue('wecom');
    await wrapper.get('[data-testid=alert-offlineMin]').setValue('20');
    await wrapper.get('[data-testid=alert-settings] form').trigger('submit');
    await flushPromises();
    expect(hub.sent.find((r) => r.method === 'PUT')!.body).toEqual({
      ...DEFAULT_ALERT_SETTINGS,
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      webhookFormat: 'wecom',
      offlineMin: 20,
    });
    expect(wrapper.get('[data-testid=alert-settings-saved]').text()).toBe('Saved');
  });
});
