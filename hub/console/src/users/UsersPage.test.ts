import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { UserRow } from '../../../../content/schema/hub-api/console/users.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { store } from '../test-support/fixtures.ts';
import UsersPage from './UsersPage.vue';

const ada: UserRow = { id: 1, username: 'admin.user', role: 'admin', storeIds: null, disabled: false, createdAt: '2025-01-01T00:00:00Z', lockedUntil: null };

describe('the users page', () => {
  it('adds a store manager for the stores ticked, and refuses a taken name', async () => {
    let taken = false;
    const hub = fakeHub({
      'GET /api/users': { status: 200, body: { users: [ada] } },
      'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road'), store('bj-01', 'Beijing Sanlitun')] } },
      'POST /api/users': (req) =>
        taken
          ? { status: 409, body: { error: 'username taken', code: 'conflict' } }
          : { status: 200, body: { ...ada, id: 2, username: 'li.wei', role: 'store-manager', storeIds: (req.body as { storeIds: string[] }).storeIds } },
    });
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en' });
    const wrapper = mount(UsersPage, { global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=user-add]').trigger('click');
    await wrapper.get('[data-testid=user-username]').setValue('li.wei');
    await wrapper.get('[data-testid=user-password]').setValue('a good long password');
    await wrapper.get('[data-testid=user-form]').trigger('submit');
    expect(wrapper.get('[data-testid=user-stores]').text()).toContain('Pick at least one store');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    await wrapper.get('[data-testid=user-stores] input[value=bj-01]').setValue(true);
    await wrapper.get('[data-testid=user-form]').trigger('submit');
    await flushPromises();
    expect(hub.sent.find((r) => r.method === 'POST')!.body).toEqual({ username: 'li.wei', password: 'a good long password', role: 'store-manager', storeIds: ['bj-01'] });
    expect(wrapper.get('[data-username="li.wei"]').text()).toContain('Beijing Sanlitun');

    taken = true;
    await wrapper.get('[data-testid=user-add]').trigger('click');
    await wrapper.get('[data-testid=user-username]').setValue('li.wei');
    await wrapper.get('[data-testid=user-password]').setValue('a good long password');
    await wrapper.get('[data-testid=user-role]').setValue('analyst');
    await wrapper.get('[data-testid=user-form]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=user-form-error]').text()).toBe('This username is already taken.');
  });
});
