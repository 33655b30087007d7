import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { ENROLMENT_CODE } from '../../../content/schema/hub-api/enrolment.ts';
import type { HubEnrolResult, HubStatus, KioskApi } from '../../../electron/common/kiosk-api.ts';
import { hostKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import { recentAppEvents } from '../test-hook/app-events.ts';
import AdminHub from './AdminHub.vue';
import { ENROLMENT_CODE_KEYS } from './enrolment-code.ts';

const HEARTBEAT_AT = Date.UTC(2026, 10, 23, 10, 15, 0);
const base: HubStatus = { state: 'not-enrolled', hubUrl: 'https://hub.example.com/', storeId: null, kioskName: null, enrolledAt: null, lastHeartbeatAt: null, lastError: null, lastCommand: null };
const ENROLLED: HubStatus = { ...base, state: 'enrolled', storeId: 'sh-001', kioskName: 'Window 1', enrolledAt: '2026-11-23T10:00:00Z', lastHeartbeatAt: HEARTBEAT_AT };

function mountWith(status: HubStatus, answer: (code: string) => HubEnrolResult = () => ({ ok: true, status: ENROLLED }), locale: 'en' | 'zh-CN' = 'en', props = {}) {
  const codes: string[] = [];
  const listeners: ((s: HubStatus) => void)[] = [];
  const host = {
    mode: 'electron',
    hub: {
      status: async () => status,
      enrol: async (code: string) => (codes.push(code), answer(code)),
      eventsTarget: async () => null,
      onStatus: (listener: (s: HubStatus) => void) => (listeners.push(listener), () => undefined),
    },
  } as unknown as KioskApi;
  const wrapper = mount(AdminHub, { props, global: { plugins: [createKioskI18n(locale)], provide: { [hostKey as symbol]: host } } });
  return { wrapper, codes, push: (s: HubStatus) => listeners.forEach((l) => l(s)) };
}

describe('admin: the hub', () => {
  it('says when no hub is set up, and what to do', async () => {
    const { wrapper } = mountWith({ ...base, state: 'off', hubUrl: null });
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-hub-state"]').text()).toBe('Not set up: add hub.url to kiosk.json to connect this kiosk to a hub');
    expect(wrapper.find('[data-testid="admin-hub-code"]').exists()).toBe(false);
    // …and nothing at all where the panel stays quiet about an unused hub.
    const quiet = mountWith({ ...base, state: 'off', hubUrl: null }, undefined, 'en', { quietWhenOff: true });
    await flushPromises();
    expect(quiet.wrapper.find('[data-testid="admin-hub"]').exists()).toBe(false);
  });

  it('shows where the kiosk is enrolled, as which store and name, and when it last reported', async () => {
    const { wrapper, push } = mountWith(ENROLLED);
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-hub-state"]').text()).toBe('Enrolled to https://hub.example.com/ as sh-001 · Window 1');
    expect(wrapper.get('[data-testid="admin-hub-heartbeat"]').text()).toBe(`Last heartbeat: ${new Date(HEARTBEAT_AT).toLocaleString()}`);
    expect(wrapper.find('[data-testid="admin-hub-code"]').exists()).toBe(false);

    push({ ...ENROLLED, lastError: 'Cannot reach the hub at https://hub.example.com (fetch failed): check the network and hub.url in kiosk.json. Trying again in 40 s.' });
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-hub-error"]').text()).toMatch(/^Cannot reach the hub/);
  });

  it('shows a revoked kiosk as not enrolled, in red, with the reason', async () => {
    const reason = "The hub no longer accepts this kiosk's credential: it was revoked in the console, or the hub was reset. Enrol the kiosk again with a new code on the admin screen.";
    const { wrapper } = mountWith({ ...base, state: 'revoked', storeId: 'sh-001', kioskName: 'Window 1', lastError: reason }, undefined, 'zh-CN');
    await flushPromises();
    const state = wrapper.get('[data-testid="admin-hub-state"]');
    expect(state.text()).toBe('未注册到管理平台 https://hub.example.com/');
    expect(state.classes()).toContain('admin-hub-problem');
    expect(wrapper.get('[data-testid="admin-hub-error"]').text()).toBe(reason);
    expect(wrapper.get('[data-testid="admin-hub-enrol"]').text()).toBe('注册');
  });

  it("enrols with a code typed on the keys, and shows the hub's refusal as its sentence", async () => {
    const { wrapper, codes } = mountWith(base, (code) =>
      code === 'K7Q2-M9XD' ? { ok: true, status: ENROLLED } : { ok: false, message: 'This enrolment code is not valid or has expired: make a new one in the console.' },
    );
    await flushPromises();
    for (const key of 'K7Q2M9XF') await wrapper.get(`[data-testid="admin-hub-key-${key}"]`).trigger('click');
    expect((wrapper.get('[data-testid="admin-hub-code"]').element as HTMLInputElement).value).toBe('K7Q2-M9XF');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-hub-message"]').text()).toBe('This enrolment code is not valid or has expired: make a new one in the console.');
    expect(wrapper.get('[data-testid="admin-hub-message"]').classes()).toContain('admin-hub-problem');
    expect(recentAppEvents().filter((e) => e.type === 'hub-enrol').at(-1)?.detail).toEqual({ ok: false, message: expect.stringMatching(/not valid/) });

    await wrapper.get('[data-testid="admin-hub-key-back"]').trigger('click');
    await wrapper.get('[data-testid="admin-hub-key-D"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(codes).toEqual(['K7Q2-M9XF', 'K7Q2-M9XD']);
    expect(wrapper.get('[data-testid="admin-hub-message"]').text()).toBe('Enrolled');
    expect(wrapper.get('[data-testid="admin-hub-state"]').text()).toBe('Enrolled to https://hub.example.com/ as sh-001 · Window 1');
  });

  it('has a key for every character a code can have, and none a code cannot', () => {
    expect(ENROLMENT_CODE_KEYS).toHaveLength(32);
    for (const key of ENROLMENT_CODE_KEYS) expect(ENROLMENT_CODE.test(key.repeat(8))).toBe(true);
  });
});
