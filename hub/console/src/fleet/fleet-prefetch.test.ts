import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createApiClient } from '../api/call-api.ts';
import { useSessionStore } from '../auth/session-store.ts';
import { createConsoleRouter } from '../router.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, kiosk } from '../test-support/fixtures.ts';
import { prefetchFleet, takeFleetPrefetch } from './fleet-prefetch.ts';

const ADMIN = { user: { id: 1, username: 'admin', role: 'admin', storeIds: null }, csrfToken: 'csrf' };

function hubWith(me: { status: number; body?: unknown }) {
  let answerMe: () => void = () => undefined;
  const meAnswered = new Promise<void>((resolve) => (answerMe = resolve));
  const hub = fakeHub({ 'GET /api/kiosks': { status: 200, body: { kiosks: [kiosk({ deviceId: 'sh-door-0001' })], now: NOW } }, 'GET /api/me': me });
  // What the console asked for, in order, as it asked; /api/me answers only when the test says.
  const asked: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : String(input);
    asked.push(url.split('?')[0]!);
    return url.startsWith('/api/me') ? meAnswered.then(() => hub.fetch(input, init)) : hub.fetch(input, init);
  };
  const session = useSessionStore(createPinia());
  const api = createApiClient({ csrfToken: () => session.csrfToken, onUnauthorized: () => session.clear(), fetch });
  return { asked, session, api, answerMe };
}

describe('the fleet list on landing', () => {
  it('is asked for while the hub says who is signed in, and taken once by the page', async () => {
    const { asked, session, api, answerMe } = hubWith({ status: 200, body: ADMIN });
    const router = createConsoleRouter(createMemoryHistory(), { session, api });
    const navigation = router.push('/');
    await vi.waitFor(() => expect(asked).toEqual(['/api/kiosks', '/api/me']));
    answerMe();
    await navigation;
    expect(router.currentRoute.value.name).toBe('fleet');
    const taken = takeFleetPrefetch();
    expect((await taken!).kiosks.map((k) => k.deviceId)).toEqual(['sh-door-0001']);
    // Once only: the next look asks the hub again.
    expect(takeFleetPrefetch()).toBeNull();
  });

  it('is not asked for on another page, and a signed-out visitor still goes to sign in', async () => {
    const { asked, session, api, answerMe } = hubWith({ status: 401, body: { error: 'sign in', code: 'unauthorized' } });
    const router = createConsoleRouter(createMemoryHistory(), { session, api });
    answerMe();
    await router.push('/analytics');
    expect(asked).toEqual(['/api/me']);
    expect(router.currentRoute.value.name).toBe('login');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('login');
    takeFleetPrefetch();
  });

  it('is not used once stale', () => {
    const { api } = hubWith({ status: 200, body: ADMIN });
    prefetchFleet(api, 1_000);
    expect(takeFleetPrefetch(1_000 + 10_001)).toBeNull();
  });
});
