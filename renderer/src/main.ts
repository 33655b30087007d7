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
import { createKioskI18n } from './i18n/index.ts';
import { usePackStore } from './pack/pack-store.ts';
import { useSessionStore } from './session/session-store.ts';
import { emitAppEvent, installTestHook } from './test-hook/app-events.ts';

async function boot(): Promise<void> {
  installTestHook();
  const host = resolveHost();
  const settings = await host.getConfig();
  const i18n = createKioskI18n(settings.defaultLocale as Locale);
  document.documentElement.lang = settings.defaultLocale;

  const app = createApp(App);
  app.provide(hostKey, host);
  app.provide(settingsKey, settings);
  app.use(createPinia());
  app.use(i18n);

  const pack = usePackStore(app.config.globalProperties.$pinia);
  const session = useSessionStore(app.config.globalProperties.$pinia);
  // Each shopper starts in the kiosk's default language.
  session.onReset(() => {
    i18n.global.locale.value = settings.defaultLocale as Locale;
    document.documentElement.lang = settings.defaultLocale;
  });

  const active = await host.getActivePack();
  await pack.load(active).catch(() => undefined);
  host.onPackChanged((next) => void pack.load(next).then(() => host.reportReady(next)).catch(() => undefined));
  setInterval(() => pack.tick(), 60_000);

  app.mount('#app');
  if (active && !pack.error) await host.reportReady(active);
  emitAppEvent('app-ready', { mode: host.mode, pack: active ? `${active.packId}@${active.version}` : null });
}

void boot().catch((err) => {
  emitAppEvent('boot-error', { message: String(err) });
  throw err;
});
