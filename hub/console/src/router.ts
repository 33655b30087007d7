// The console's pages under /console/, and the guard that asks the hub who is signed
// in before the first page and keeps each role to its pages.
import { createRouter, type Router, type RouterHistory, type RouteRecordRaw } from 'vue-router';
import { CONSOLE_API } from '../../../content/schema/hub-api/index.ts';
import type { ApiClient } from './api/call-api.ts';
import type { useSessionStore } from './auth/session-store.ts';
// The fleet is where every sign-in lands: its code comes with the console's own, so its
// data is asked for as soon as the hub says who is signed in, not after another download.
import FleetPage from './fleet/FleetPage.vue';
import { prefetchFleet } from './fleet/fleet-prefetch.ts';
import type { Page } from './shell/pages.ts';

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown without signing in (login, first set-up). */
    public?: boolean;
    /** The page whose role rules apply. */
    page?: Page;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'fleet', component: FleetPage, meta: { page: 'fleet' } },
  { path: '/kiosks/:deviceId', name: 'kiosk', component: () => import('./kiosk/KioskPage.vue'), meta: { page: 'kiosk' }, props: true },
  { path: '/analytics', name: 'analytics', component: () => import('./analytics/AnalyticsPage.vue'), meta: { page: 'analytics' } },
  { path: '/packs', name: 'packs', component: () => import('./packs/PacksPage.vue'), meta: { page: 'packs' } },
  { path: '/packs/build/:draftId?', name: 'packBuilder', component: () => import('./packs/builder/PackBuilderPage.vue'), meta: { page: 'packBuilder' }, props: true },
  { path: '/packs/publishing', name: 'rollouts', component: () => import('./packs/rollout/RolloutsPage.vue'), meta: { page: 'rollouts' } },
  { path: '/packs/keys', name: 'packKeys', component: () => import('./packs/keys/PackKeysPage.vue'), meta: { page: 'packKeys' } },
  { path: '/packs/:id', name: 'pack', component: () => import('./packs/PackPage.vue'), meta: { page: 'pack' }, props: true },
  { path: '/till', name: 'till', component: () => import('./till/TillPage.vue'), meta: { page: 'till' } },
  { path: '/coupons', name: 'coupons', component: () => import('./coupons/CouponsPage.vue'), meta: { page: 'coupons' } },
  { path: '/stores', name: 'stores', component: () => import('./stores/StoresPage.vue'), meta: { page: 'stores' } },
  { path: '/enrolment', name: 'enrolment', component: () => import('./enrolment/EnrolmentPage.vue'), meta: { page: 'enrolment' } },
  { path: '/alerts', name: 'alerts', component: () => import('./alerts/AlertsPage.vue'), meta: { page: 'alerts' } },
  { path: '/users', name: 'users', component: () => import('./users/UsersPage.vue'), meta: { page: 'users' } },
  { path: '/audit', name: 'audit', component: () => import('./audit/AuditPage.vue'), meta: { page: 'audit' } },
  { path: '/login', name: 'login', component: () => import('./auth/LoginPage.vue'), meta: { public: true } },
  { path: '/setup/:token', name: 'setup', component: () => import('./auth/SetupPage.vue'), meta: { public: true }, props: true },
  { path: '/:rest(.*)*', redirect: { name: 'fleet' } },
];

type Session = ReturnType<typeof useSessionStore>;

export function createConsoleRouter(history: RouterHistory, deps: { session: Session; api: ApiClient }): Router {
  const router = createRouter({ history, routes });

  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    if (!deps.session.user) {
      // Landing on the fleet: its list loads while the hub says who is signed in.
      if (to.name === 'fleet') prefetchFleet(deps.api);
      try {
        deps.session.signIn(await deps.api.callApi(CONSOLE_API.me));
      } catch {
        return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } };
      }
    }
    const page = to.meta.page;
    if (page && !deps.session.may(page)) return { name: 'fleet' };
    return true;
  });

  return router;
}

/**
 * The session is gone (a console route answered 401): forget it and go to the sign-in
 * page, coming back here afterwards. During the first navigation the guard does this.
 */
export function sendToLogin(router: Router, session: Session): void {
  session.clear();
  const here = router.currentRoute.value;
  if (here.matched.length > 0 && !here.meta.public) void router.push({ name: 'login', query: { next: here.fullPath } });
}

/** Where to go after signing in: a path inside the console, never another site. */
export function nextPath(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
