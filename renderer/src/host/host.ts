// The one door to the host: the Electron preload's KioskApi when present, otherwise
// the web implementation.
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import { createWebHost } from './web-host.ts';

declare global {
  interface Window {
    kiosk?: KioskApi;
  }
}

export function resolveHost(): KioskApi {
  if (window.kiosk) return window.kiosk;
  return createWebHost({
    packBaseUrl: new URL('pack/', document.baseURI).href,
    configUrl: new URL('kiosk-config.json', document.baseURI).href,
    appVersion: import.meta.env.VITE_APP_VERSION,
  });
}
