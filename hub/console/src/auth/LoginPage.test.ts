import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub, type FakeRoute } from '../test-support/fake-hub.ts';
import LoginPage from './LoginPage.vue';

async function signIn(answer: FakeRoute, locale: 'zh-CN' | 'en' = 'en') {
  const hub = fakeHub({ 'POST /api/login': answer });
  const app = consoleTestApp({ fetch: hub.fetch, role: null, locale });
  await app.router.push('/login?next=/alerts');
  const wrapper = mount(LoginPage, { global: app.global });
  await wrapper.get('[data-testid=login-username]').setValue('ada');
  await wrapper.get('[data-testid=login-password]').setValue('correct horse battery');
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return { wrapper, app, hub };
}

describe('the sign-in page', () => {
  it('says “wrong username or password” on 401', async () => {
    const { wrapper } = await signIn({ status: 401, body: { error: 'bad credentials', code: 'bad-credentials' } });
    expect(wrapper.get('[data-testid=login-error]').text()).toBe('Wrong username or password.');
    expect((wrapper.get('[data-testid=login-password]').element as HTMLInputElement).value).toBe('');
  });

  it('says the account is locked on 423, in Chinese', async () => {
    const { wrapper } = await signIn({ status: 423, body: { error: 'locked', code: 'locked' } }, 'zh-CN');
    expect(wrapper.get('[data-testid=login-error]').text()).toBe('密码输错次数过多，账号已暂时锁定，请稍后再试。');
  });

  it('says until when the account is locked when the hub tells', async () => {
    const { wrapper } = await signIn({ status: 423, body: { error: 'locked', code: 'locked' }, headers: { 'retry-after': '600' } });
    expect(wrapper.get('[data-testid=login-error]').text()).toMatch(/^This account is locked after too many wrong passwords\. Try again after .+\.$/);
  });

  it('signs in and goes where the user was going', async () => {
    const { app } = await signIn({ status: 200, body: { user: { id: 3, username: 'ada', role: 'analyst', storeIds: null }, csrfToken: 'fresh' } });
    await vi.waitFor(() => expect(app.router.currentRoute.value.fullPath).toBe('/alerts'));
    expect(app.session.csrfToken).toBe('fresh');
  });
});
