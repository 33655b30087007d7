// The console's plugins for a component test: a signed-in session of a given role, the
// language, a router in memory and the API client on a fake hub.
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, type Router } from 'vue-router';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import type { Locale } from '../../../../content/schema/localized.ts';
import { createApiClient } from '../api/call-api.ts';
import { apiKey } from '../api/use-api.ts';
import { useSessionStore } from '../auth/session-store.ts';
import { createConsoleI18n } from '../i18n/index.ts';
import { createConsoleRouter, sendToLogin } from '../router.ts';

export interface TestAppOptions {
  fetch: typeof globalThis.fetch;
  role?: Role | null;
  locale?: Locale;
  storeIds?: string[] | null;
}

export function consoleTestApp(opts: TestAppOptions) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore(pinia);
  const role = opts.role === undefined ? 'admin' : opts.role;
  if (role) session.signIn({ user: { id: 1, username: `${role}.user`, role, storeIds: opts.storeIds ?? null }, csrfToken: 'csrf-test-token' });
  let current: Router | null = null;
  const api = createApiClient({ fetch: opts.fetch, csrfToken: () => session.csrfToken, onUnauthorized: () => (current ? sendToLogin(current, session) : session.clear()) });
  const router = createConsoleRouter(createMemoryHistory(), { session, api });
  current = router;
  const i18n = createConsoleI18n(opts.locale ?? 'zh-CN');
  return {
    session,
    router,
    api,
    i18n,
    global: { plugins: [pinia, i18n, router], provide: { [apiKey as symbol]: api } },
  };
}
