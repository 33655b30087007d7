// What main answers on each KioskApi channel. Typed against the channel contract, so
// the compiler keeps main, the preload and the web host saying the same thing.
import type { AppHealth, DeviceIdentity } from '../common/kiosk-api.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import type { AdminGate } from './admin-pin.ts';
import type { HostHandlers } from './ipc.ts';
import type { PackSwitcher } from './pack-switcher.ts';

export interface HostContext {
  identity: DeviceIdentity;
  config: KioskSettings;
  problems: () => string[];
  packs: PackSwitcher;
  gate: AdminGate;
  appVersion: string;
  startedAt: number;
  rendererRestarts: () => number;
  lastImportError: () => string | null;
  onRendererReady: (pack: { packId: string; version: string; activation: number }) => void;
  quit: () => void;
}

export function createHostHandlers(ctx: HostContext): HostHandlers {
  return {
    'kiosk:device:get': async () => ctx.identity,
    'kiosk:config:get': async () => ctx.config,
    'kiosk:pack:get-active': async () => ctx.packs.active(),
    'kiosk:session:set': async (state) => ctx.packs.setSessionState(state),
    'kiosk:renderer:ready': async (pack) => ctx.onRendererReady(pack),
    'kiosk:health:get': async (): Promise<AppHealth> => {
      const active = ctx.packs.active();
      return {
        appVersion: ctx.appVersion,
        mode: 'electron',
        platform: process.platform,
        uptimeSec: Math.round((Date.now() - ctx.startedAt) / 1000),
        rendererRestarts: ctx.rendererRestarts(),
        pack: active ? { packId: active.packId, version: active.version } : null,
        lastImportError: ctx.lastImportError(),
        problems: ctx.problems(),
        camera: 'unknown',
      };
    },
    'kiosk:admin:unlock': (pin) => ctx.gate.unlock(pin),
    'kiosk:admin:lock': async () => ctx.gate.lock(),
    'kiosk:admin:exit': async () => {
      if (!ctx.gate.isUnlocked()) return { ok: false, message: 'Unlock the admin screen with the PIN first.' };
      ctx.quit();
      return { ok: true };
    },
  };
}
