import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import App from '../App.vue';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import TheHeader from './TheHeader.vue';

async function menuOf(role: Role, locale: 'zh-CN' | 'en' = 'en') {
  const hub = fakeHub({ 'POST /api/logout': { status: 200, body: { ok: true } } });
  const app = consoleTestApp({ fetch: hub.fetch, role, locale });
  await app.router.push('/');
  const wrapper = mount(TheHeader, { global: app.global });
  return { wrapper, app, hub, items: wrapper.findAll('[data-testid=menu] a').map((a) => a.text()) };
}

describe('the header menu by role', () => {
  it('shows an admin every page', async () => {
    expect((await menuOf('admin')).items).toEqual(['Fleet', 'Analytics', 'Packs', 'Till', 'Coupons', 'Stores', 'Enrolment', 'Alerts', 'Users', 'Audit log']);
  });

  it('shows a store manager the fleet, analytics, the till, coupons, stores and alerts', async () => {
    expect((await menuOf('store-manager')).items).toEqual(['Fleet', 'Analytics', 'Till', 'Coupons', 'Stores', 'Alerts']);
  });

  it('shows an analyst the fleet, analytics, coupons and alerts, in Chinese too', async () => {
    expect((await menuOf('analyst')).items).toEqual(['Fleet', 'Analytics', 'Coupons', 'Alerts']);
    expect((await menuOf('analyst', 'zh-CN')).items).toEqual(['设备总览', '数据分析', '优惠券对账', '告警']);
  });

  it('shows a merchandiser the fleet, analytics and packs, and names who is signed in', async () => {
    const { items, wrapper } = await menuOf('merchandiser');
    expect(items).toEqual(['Fleet', 'Analytics', 'Packs']);
    expect(wrapper.get('[data-testid=header-user]').text()).toContain('merchandiser.user');
    expect(wrapper.get('[data-testid=header-user] .badge').text()).toBe('Merchandiser');
  });

  it('keeps a store manager out of the users page even by its address', async () => {
    const { app } = await menuOf('store-manager');
    await app.router.push('/users');
    expect(app.router.currentRoute.value.name).toBe('fleet');
  });

  it('keeps an analyst and a merchandiser away from the till, and a merchandiser away from coupons', async () => {
    const analyst = await menuOf('analyst');
    await analyst.app.router.push('/till');
    expect(analyst.app.router.currentRoute.value.name).toBe('fleet');
    const merchandiser = await menuOf('merchandiser');
    await merchandiser.app.router.push('/coupons');
    expect(merchandiser.app.router.currentRoute.value.name).toBe('fleet');
    expect(merchandiser.items).not.toContain('Till');
  });

  it('signs out to the sign-in page', async () => {
    const { wrapper, app, hub } = await menuOf('admin');
    await wrapper.get('[data-testid=sign-out]').trigger('click');
    await vi.waitFor(() => expect(app.router.currentRoute.value.name).toBe('login'));
    expect(hub.sent[0]).toMatchObject({ method: 'POST', path: '/api/logout', headers: { 'x-csrf-token': 'csrf-test-token' } });
    expect(app.session.user).toBeNull();
  });
});

describe('the language toggle', () => {
  it('switches the whole console, remembers the choice and sets the page language', async () => {
    localStorage.clear();
    const hub = fakeHub({ 'GET /api/kiosks': { status: 200, body: { kiosks: [], now: 0 } }, 'GET /api/stores': { status: 200, body: { stores: [] } } });
    const app = consoleTestApp({ fetch: hub.fetch, role: 'admin', locale: 'zh-CN' });
    await app.router.push('/');
    const wrapper = mount(App, { global: app.global });
    await vi.waitFor(() => expect(wrapper.find('[data-testid=fleet-empty]').exists()).toBe(true));
    expect(wrapper.get('h1').text()).toBe('设备总览');

    await wrapper.get('[data-testid=language-toggle]').trigger('click');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Fleet');
    expect(wrapper.get('[data-testid=language-toggle]').text()).toBe('中文');
    expect(localStorage.getItem('hub-console.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    wrapper.unmount();
  });
});
