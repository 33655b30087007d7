import { inject, type InjectionKey } from 'vue';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';

export const hostKey: InjectionKey<KioskApi> = Symbol('kiosk-host');
export const settingsKey: InjectionKey<KioskSettings> = Symbol('kiosk-settings');

export function useHost(): KioskApi {
  const host = inject(hostKey);
  if (!host) throw new Error('KioskApi was not provided to the app');
  return host;
}

export function useSettings(): KioskSettings {
  const settings = inject(settingsKey);
  if (!settings) throw new Error('Kiosk settings were not provided to the app');
  return settings;
}
