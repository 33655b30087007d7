import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import SetupPage from './SetupPage.vue';

describe('the first admin’s set-up page', () => {
  it('says clearly when the link was used or is wrong', async () => {
    const hub = fakeHub({ 'GET /api/setup/used-token': { status: 200, body: { valid: false } } });
    const app = consoleTestApp({ fetch: hub.fetch, role: null, locale: 'en' });
    const wrapper = mount(SetupPage, { props: { token: 'used-token' }, global: app.global });
    await flushPromises();
    expect(wrapper.get('[data-testid=setup-invalid]').text()).toContain('This set-up link has already been used, or it is not right.');
    expect(wrapper.find('[data-testid=setup-form]').exists()).toBe(false);
  });

  it('checks the form, creates the admin and opens the fleet', async () => {
    const hub = fakeHub({
      'GET /api/setup/good-token': { status: 200, body: { valid: true } },
      'POST /api/setup': { status: 200, body: { user: { id: 1, username: 'ada', role: 'admin', storeIds: null }, csrfToken: 'csrf-1' } },
    });
    const app = consoleTestApp({ fetch: hub.fetch, role: null, locale: 'zh-CN' });
    await app.router.push('/setup/good-token');
    const wrapper = mount(SetupPage, { props: { token: 'good-token' }, global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=setup-username]').setValue('Ada!');
    await wrapper.get('[data-testid=setup-password]').setValue('short');
    await wrapper.get('[data-testid=setup-password-again]').setValue('shorter');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.text()).toContain('密码至少 10 个字符');
    expect(wrapper.text()).toContain('两次输入的密码不一致');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    await wrapper.get('[data-testid=setup-username]').setValue('ada');
    await wrapper.get('[data-testid=setup-password]').setValue('a long enough password');
    await wrapper.get('[data-testid=setup-password-again]').setValue('a long enough password');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(hub.sent.find((r) => r.method === 'POST')!.body).toEqual({ token: 'good-token', username: 'ada', password: 'a long enough password' });
    await vi.waitFor(() => expect(app.router.currentRoute.value.name).toBe('fleet'));
  });
});
