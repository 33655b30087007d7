// IPC channel names (kiosk:<domain>:<verb>) and the argument/result types of each.
import type { KioskSettings } from './kiosk-settings.ts';
import type { ActivePack, AdminActionResult, AdminUnlockResult, AppHealth, DeviceIdentity, SessionState } from './kiosk-api.ts';

export const CHANNEL_PREFIX = 'kiosk:';

export const Channels = {
  deviceGet: 'kiosk:device:get',
  configGet: 'kiosk:config:get',
  packGetActive: 'kiosk:pack:get-active',
  packChanged: 'kiosk:pack:changed',
  sessionSet: 'kiosk:session:set',
  rendererReady: 'kiosk:renderer:ready',
  healthGet: 'kiosk:health:get',
  adminUnlock: 'kiosk:admin:unlock',
  adminLock: 'kiosk:admin:lock',
  adminExit: 'kiosk:admin:exit',
} as const;

/** Request/response channels: [arguments, result]. */
export interface InvokeContract {
  'kiosk:device:get': [[], DeviceIdentity];
  'kiosk:config:get': [[], KioskSettings];
  'kiosk:pack:get-active': [[], ActivePack | null];
  'kiosk:session:set': [[state: SessionState], void];
  'kiosk:renderer:ready': [[pack: { packId: string; version: string; activation: number }], void];
  'kiosk:health:get': [[], AppHealth];
  'kiosk:admin:unlock': [[pin: string], AdminUnlockResult];
  'kiosk:admin:lock': [[], void];
  'kiosk:admin:exit': [[], AdminActionResult];
}
export type InvokeChannel = keyof InvokeContract;
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C][0];
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C][1];

/** Host → renderer events. */
export interface EventContract {
  'kiosk:pack:changed': ActivePack;
}
export type EventChannel = keyof EventContract;

/**
 * Checks the untrusted arguments a renderer sent on a channel. Returns the arguments
 * typed, or null when they do not have the shape the channel expects.
 */
export function parseInvokeArgs<C extends InvokeChannel>(channel: C, args: unknown[]): InvokeArgs<C> | null {
  const none = args.length === 0 ? ([] as unknown as InvokeArgs<C>) : null;
  switch (channel) {
    case 'kiosk:device:get':
    case 'kiosk:config:get':
    case 'kiosk:pack:get-active':
    case 'kiosk:health:get':
    case 'kiosk:admin:lock':
    case 'kiosk:admin:exit':
      return none;
    case 'kiosk:session:set':
      return args.length === 1 && (args[0] === 'idle' || args[0] === 'active') ? (args as InvokeArgs<C>) : null;
    case 'kiosk:admin:unlock':
      return args.length === 1 && typeof args[0] === 'string' && /^\d{4,12}$/.test(args[0]) ? (args as InvokeArgs<C>) : null;
    case 'kiosk:renderer:ready': {
      const p = args[0] as Record<string, unknown> | undefined;
      const ok =
        args.length === 1 && p !== null && typeof p === 'object' &&
        typeof p.packId === 'string' && typeof p.version === 'string' && typeof p.activation === 'number';
      return ok ? (args as InvokeArgs<C>) : null;
    }
    default:
      return null;
  }
}
