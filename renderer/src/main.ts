// Renderer entry: find the host, read the settings and the active pack, start the app.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { Locale } from '../../content/schema/localized.ts';
import App from './App.vue';
import { resolveHost } from './host/host.ts';
import { hostKey, settingsKey } from './host/host-key.ts';
import { startEngagementLog } from './events/engagement-log.ts';
import { trackKioskLifecycle } from './events/kiosk-lifecycle.ts';
import { outboxHealthKey } from './events/outbox-health.ts';
import { trackerKey } from './events/tracker.ts';
import { startFreezeHeartbeat } from './health/freeze-heartbeat.ts';
import { startHealthReports } from './health/health-reports.ts';
import { createRendererLog, logUncaughtErrors } from './health/renderer-log.ts';
import { followHub } from './hub/follow-hub.ts';
import { createKioskI18n } from './i18n/index.ts';
import { useScreenStore } from './navigation/screen-store.ts';
import { forwardHostNotices } from './pack/host-notices.ts';
import { useShownPackStore } from './pack/shown-pack-store.ts';
import { useScannerStatus } from './scan/scanner-status.ts';
import { useSessionStore } from './session/session-store.ts';
import { emitAppEvent, installTestHook, registerTestProbe } from './test-hook/app-events.ts';

async function boot(): Promise<void> {
  installTestHook();
  const host = resolveHost();
  // In the kiosk app they go to its log file; a browser's console shows them already.
  if (host.mode === 'electron') logUncaughtErrors(createRendererLog(host));
  const settings = await host.getConfig();
  const i18n = createKioskI18n(settings.defaultLocale as Locale);
  document.documentElement.lang = settings.defaultLocale;

  const app = createApp(App);
  app.provide(hostKey, host);
  app.provide(settingsKey, settings);
  app.use(createPinia());
  app.use(i18n);

  const pack = useShownPackStore(app.config.globalProperties.$pinia);
  const session = useSessionStore(app.config.globalProperties.$pinia);
  // Each shopper starts in the kiosk's default language.
  session.onReset(() => {
    i18n.global.locale.value = settings.defaultLocale as Locale;
    document.documentElement.lang = settings.defaultLocale;
  });

  // The engagement log: started before the pack loads, so its activation is recorded.
  const events = await startEngagementLog({
    host,
    collector: settings.collector,
    app: { name: 'Shopfront Kiosk', version: import.meta.env.VITE_APP_VERSION ?? 'dev' },
    anonymousId: () => session.anonymousId,
    locale: () => i18n.global.locale.value,
    pack: () => pack.active,
    // With a hub, events wait for the kiosk's enrolment (followHub hands the log the hub and the credential).
    destination: settings.hub.url ? null : undefined,
  });
  followHub({ host, log: events, eventsToHub: Boolean(settings.hub.url) });
  startFreezeHeartbeat(host);
  startHealthReports({ host, outboxHealth: events.health, session, scanner: useScannerStatus(app.config.globalProperties.$pinia) });
  trackKioskLifecycle(events.tracker, { session, screen: useScreenStore(app.config.globalProperties.$pinia), pack });
  app.provide(trackerKey, events.tracker);
  app.provide(outboxHealthKey, events.health);
  registerTestProbe('outbox', events.health);

  void forwardHostNotices(host, events.tracker);

  // A pack the renderer cannot show is reported, and the host goes back to the previous one.
  const loadPack = (next: Awaited<ReturnType<typeof host.getActivePack>>) =>
    pack.load(next).then(
      () => true,
      (err: Error) => (next ? host.reportPackFailed(next, err.message).then(() => false) : false),
    );
  const active = await host.getActivePack();
  const loaded = await loadPack(active);
  host.onPackChanged((next) => void loadPack(next).then((ok) => (ok ? host.reportReady(next) : undefined)));
  setInterval(() => pack.tick(), 60_000);

  app.mount('#app');
  // The shell is up whether or not there is a pack to show: the host's supervisor
  // counts a stable run from here, and keeps the pack only when it is named.
  await host.reportReady(active && loaded ? active : null);
  emitAppEvent('app-ready', { mode: host.mode, pack: active ? `${active.packId}@${active.version}` : null });
}

void boot().catch((err) => {
  emitAppEvent('boot-error', { message: String(err) });
  throw err;
});
