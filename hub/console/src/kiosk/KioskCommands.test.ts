import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW } from '../test-support/fixtures.ts';
import KioskCommands from './KioskCommands.vue';

const pending: CommandRow = {
  id: 'cmd-1',
  deviceId: 'kiosk-0001',
  kind: 'screenshot',
  state: 'pending',
  createdAt: NOW,
  createdBy: 'user:ada',
  expiresAt: NOW + 15 * 60_000,
  finishedAt: null,
  message: null,
  screenshot: null,
};

function hubWith(list: () => CommandRow[]) {
  return fakeHub({
    'GET /api/commands': () => ({ status: 200, body: { commands: list() } }),
    'POST /api/commands': (req) => ({ status: 200, body: { commands: [{ ...pending, id: `cmd-${(req.body as { kind: string }).kind}`, kind: (req.body as { kind: string }).kind }] } }),
  });
}

describe('remote commands on the kiosk page', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a screenshot command, follows it every 3 s and shows the picture when done', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let state: CommandRow[] = [];
    const hub = hubWith(() => state);
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en', role: 'store-manager' });
    const wrapper = mount(KioskCommands, { props: { deviceId: 'kiosk-0001', mayCommand: true }, global: app.global });
    await flushPromises();
    expect(wrapper.text()).toContain('No commands sent yet.');

    await wrapper.get('[data-testid=command-screenshot]').trigger('click');
    await flushPromises();
    expect(hub.sent.at(-1)).toMatchObject({ method: 'POST', body: { kind: 'screenshot', target: { deviceId: 'kiosk-0001' } } });
    expect(wrapper.get('[data-testid=command-state]').text()).toBe('Waiting');

    state = [{ ...pending, id: 'cmd-screenshot', state: 'done', finishedAt: NOW + 5000, message: 'captured', screenshot: { width: 1080, height: 1920 } }];
    await vi.advanceTimersByTimeAsync(3000);
    await flushPromises();
    expect(wrapper.get('[data-testid=command-state]').text()).toBe('Done');
    expect(wrapper.get('[data-testid=command-message]').text()).toBe('captured');
    expect(wrapper.get('[data-testid=command-screenshot-image]').attributes('src')).toBe('/api/commands/cmd-screenshot/screenshot');

    // Nothing under way: no more polling.
    const calls = hub.sent.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hub.sent.length).toBe(calls);
    wrapper.unmount();
  });

  it('asks for as many log lines as chosen, and links to them once the kiosk answered', async () => {
    let state: CommandRow[] = [];
    const hub = hubWith(() => state);
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en', role: 'store-manager' });
    const wrapper = mount(KioskCommands, { props: { deviceId: 'kiosk-0001', mayCommand: true }, global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=command-log-lines]').setValue('500');
    await wrapper.get('[data-testid=command-logs]').trigger('click');
    await flushPromises();
    expect(hub.sent.at(-1)).toMatchObject({ method: 'POST', body: { kind: 'logs', lines: 500, target: { deviceId: 'kiosk-0001' } } });
    expect(wrapper.find('[data-testid=command-log-link]').exists()).toBe(false);

    state = [{ ...pending, id: 'cmd-logs', kind: 'logs', state: 'done', finishedAt: NOW + 5000, message: "The last 500 lines of the kiosk's log.", log: { wanted: 500, received: 500 } }];
    wrapper.unmount();
    const again = mount(KioskCommands, { props: { deviceId: 'kiosk-0001', mayCommand: true }, global: app.global });
    await flushPromises();
    const link = again.get('[data-testid=command-log-link]');
    expect(link.text()).toBe('Show the log (500 lines)');
    expect(link.attributes('href')).toBe('/api/commands/cmd-logs/log');
    again.unmount();
  });

  it('asks before restarting the app', async () => {
    const hub = hubWith(() => []);
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en' });
    const wrapper = mount(KioskCommands, { props: { deviceId: 'kiosk-0001', mayCommand: true }, global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=command-restart]').trigger('click');
    expect(wrapper.text()).toContain('Restarting the app blanks the screen');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(0);
    await wrapper.get('[data-testid=command-restart-confirm]').trigger('click');
    await flushPromises();
    expect(hub.sent.filter((r) => r.method === 'POST')[0]!.body).toEqual({ kind: 'restart', target: { deviceId: 'kiosk-0001' } });
    expect(wrapper.get('[data-testid=command-sent]').text()).toContain('“Restart app” sent');
    wrapper.unmount();
  });

  it('shows the hub’s refusal next to the buttons', async () => {
    const hub = fakeHub({
      'GET /api/commands': { status: 200, body: { commands: [] } },
      'POST /api/commands': { status: 404, body: { error: 'No kiosk kiosk-0001 in your stores.', code: 'not-found' } },
    });
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en' });
    const wrapper = mount(KioskCommands, { props: { deviceId: 'kiosk-0001', mayCommand: true }, global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=command-reload]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=command-error]').text()).toBe('No kiosk kiosk-0001 in your stores.');
    wrapper.unmount();
  });
});
