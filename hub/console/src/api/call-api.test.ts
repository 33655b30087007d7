import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import App from '../App.vue';
import { fakeHub } from '../test-support/fake-hub.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { store } from '../test-support/fixtures.ts';
import { ApiError } from './api-error.ts';
import { createApiClient } from './call-api.ts';

const signedIn = { user: { id: 1, username: 'ada', role: 'admin' as const, storeIds: null }, csrfToken: 'csrf-123' };

describe('the console API client', () => {
  it('sends the session’s CSRF token on POST, PUT and PATCH, and never on GET', async () => {
    const hub = fakeHub({
      'GET /api/stores': { status: 200, body: { stores: [] } },
      'POST /api/commands': { status: 200, body: { commands: [] } },
      'PUT /api/stores/sh-01': { status: 200, body: store('sh-01', 'Nanjing Road') },
      'PATCH /api/users/7': {
        status: 200,
        body: { id: 7, username: 'bob', role: 'analyst', storeIds: null, disabled: true, createdAt: '2025-01-01T00:00:00Z', lockedUntil: null },
      },
    });
    const { callApi } = createApiClient({ fetch: hub.fetch, csrfToken: () => signedIn.csrfToken, onUnauthorized: () => undefined });

    await callApi(CONSOLE_API.stores);
    await callApi(CONSOLE_API.sendCommand, { body: { kind: 'reload', target: { deviceId: 'kiosk-0001' } } });
    const { id: _id, ...body } = store('sh-01', 'Nanjing Road');
    await callApi(CONSOLE_API.putStore, { params: { id: 'sh-01' }, body });
    await callApi(CONSOLE_API.updateUser, { params: { id: 7 }, body: { disabled: true } });

    const [get, post, put, patch] = hub.sent;
    expect(get).toMatchObject({ method: 'GET', path: '/api/stores' });
    expect(get!.headers['x-csrf-token']).toBeUndefined();
    expect(post).toMatchObject({ method: 'POST', path: '/api/commands', headers: { 'x-csrf-token': 'csrf-123' } });
    expect(put).toMatchObject({ method: 'PUT', path: '/api/stores/sh-01', headers: { 'x-csrf-token': 'csrf-123' } });
    expect(patch).toMatchObject({ method: 'PATCH', path: '/api/users/7', headers: { 'x-csrf-token': 'csrf-123' }, body: { disabled: true } });
  });

  it('keeps the hub’s time from its answers, for pages to count ages from', async () => {
    const hubTime = Date.now() - 3 * 3_600_000; // the browser's clock three hours ahead
    const hub = fakeHub({ 'GET /api/stores': { status: 200, body: { stores: [] } }, 'GET /api/users': { status: 500 } }, { hubTime: () => hubTime });
    const api = createApiClient({ fetch: hub.fetch, csrfToken: () => null, onUnauthorized: () => undefined });
    expect(Math.abs(api.now() - Date.now())).toBeLessThan(1_000); // nothing heard from the hub yet
    await api.callApi(CONSOLE_API.stores);
    expect(Math.abs(api.now() - hubTime)).toBeLessThan(1_000);
    // A refusal says the time as well.
    const later = hubTime + 60_000;
    const refusing = fakeHub({ 'GET /api/stores': { status: 503, body: { error: 'down', code: 'unavailable' } } }, { hubTime: () => later });
    const again = createApiClient({ fetch: refusing.fetch, csrfToken: () => null, onUnauthorized: () => undefined });
    await expect(again.callApi(CONSOLE_API.stores)).rejects.toBeInstanceOf(ApiError);
    expect(Math.abs(again.now() - later)).toBeLessThan(1_000);
  });

  it('fills the path and the query, and reads the answer with the route’s schema', async () => {
    const hub = fakeHub({ 'GET /api/commands': { status: 200, body: { commands: [] } } });
    const { callApi } = createApiClient({ fetch: hub.fetch, csrfToken: () => null, onUnauthorized: () => undefined });
    const answer = await callApi(CONSOLE_API.commandsList, { query: { deviceId: 'kiosk-0001', limit: 20 } });
    expect(answer.commands).toEqual([]);
    expect(hub.sent[0]!.url).toBe('/api/commands?deviceId=kiosk-0001&limit=20');
  });

  it('surfaces the hub’s sentence and code when it refuses', async () => {
    const hub = fakeHub({ 'POST /api/enrolment': { status: 403, body: { error: 'Only admins may make enrolment codes.', code: 'forbidden' } } });
    const { callApi } = createApiClient({ fetch: hub.fetch, csrfToken: () => 'csrf-123', onUnauthorized: () => undefined });
    const failure = callApi(CONSOLE_API.createEnrolmentSecret, { body: { kind: 'code', storeId: 'sh-01' } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 403, code: 'forbidden', message: 'Only admins may make enrolment codes.', fromHub: true });
  });

  it('refuses an answer the contract does not allow, and says when the hub cannot be reached', async () => {
    const hub = fakeHub({ 'GET /api/stores': { status: 200, body: { shops: [] } } });
    const { callApi } = createApiClient({ fetch: hub.fetch, csrfToken: () => null, onUnauthorized: () => undefined });
    await expect(callApi(CONSOLE_API.stores)).rejects.toMatchObject({ code: 'bad-answer', fromHub: false });

    const offline = createApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')), csrfToken: () => null, onUnauthorized: () => undefined });
    await expect(offline.callApi(CONSOLE_API.stores)).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('sends the user to the sign-in page when the session has ended (401)', async () => {
    const hub = fakeHub({ 'GET /api/stores': { status: 401, body: { error: 'Sign in again.', code: 'unauthorized' } } });
    const app = consoleTestApp({ fetch: hub.fetch, role: 'admin', locale: 'en' });
    await app.router.push('/stores');
    const wrapper = mount(App, { global: app.global });
    await vi.waitFor(() => expect(wrapper.find('[data-testid=login-username]').exists()).toBe(true));
    await flushPromises();

    expect(app.router.currentRoute.value.fullPath).toBe('/login?next=/stores');
    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(wrapper.find('[data-testid=login-username]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=menu]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('leaves a wrong password’s 401 to the sign-in page', async () => {
    let unauthorized = 0;
    const hub = fakeHub({ 'POST /api/login': { status: 401, body: { error: 'Wrong username or password.', code: 'bad-credentials' } } });
    const { callApi } = createApiClient({ fetch: hub.fetch, csrfToken: () => null, onUnauthorized: () => unauthorized++ });
    await expect(callApi(CONSOLE_API.login, { body: { username: 'ada', password: 'nope' } })).rejects.toMatchObject({ status: 401 });
    expect(unauthorized).toBe(0);
  });

  it('is typed by the route: a missing parameter or a wrong body does not compile', () => {
    const { callApi } = createApiClient({ fetch: fakeHub({}).fetch, csrfToken: () => null, onUnauthorized: () => undefined });
    const never = () => {
      // @ts-expect-error the kiosk route needs its deviceId
      void callApi(CONSOLE_API.kiosk);
      // @ts-expect-error a command's kind is one of COMMAND_KINDS
      void callApi(CONSOLE_API.sendCommand, { body: { kind: 'format-disk', target: { deviceId: 'kiosk-0001' } } });
      // @ts-expect-error the fleet route has no path parameters
      void callApi(CONSOLE_API.fleet, { params: { deviceId: 'kiosk-0001' } });
      void callApi(CONSOLE_API.fleet);
    };
    expect(typeof never).toBe('function');
  });
});
