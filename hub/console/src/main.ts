// The hub's web console: fonts, the session, the API client, the router, the language.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// English reads in a Latin face first (base.css): the Chinese face draws ’ “ ” — as
// full-width CJK punctuation, a gap after every apostrophe.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import './base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHistory, type Router } from 'vue-router';
import App from './App.vue';
import { createApiClient } from './api/call-api.ts';
import { apiKey } from './api/use-api.ts';
import { useSessionStore } from './auth/session-store.ts';
import { createConsoleI18n } from './i18n/index.ts';
import { savedLocale } from './i18n/locale.ts';
import { createConsoleRouter, sendToLogin } from './router.ts';

const locale = savedLocale();
document.documentElement.lang = locale;

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const session = useSessionStore(pinia);

let router: Router | null = null;
const api = createApiClient({
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => (router ? sendToLogin(router, session) : session.clear()),
});
router = createConsoleRouter(createWebHistory('/console/'), { session, api });

app.provide(apiKey, api);
app.use(createConsoleI18n(locale));
app.use(router);
app.mount('#app');
