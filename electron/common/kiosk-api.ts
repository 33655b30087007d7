// KioskApi: everything the renderer may ask of the host. Implemented by main's IPC
// handlers (exposed by the preload) and again by the renderer's web host for plain
// Chromium. Pure TypeScript: no imports from outside electron/common.

import type { KioskSettings } from './kiosk-settings.ts';

export type HostMode = 'electron' | 'web';
export type Unsubscribe = () => void;

export interface DeviceIdentity {
  /** Stable per installation; never linked to a person. */
  deviceId: string;
  /** New on every start of the host process. */
  bootId: string;
  storeId: string;
  kioskName: string;
}

/** The active content pack as the renderer sees it: where to read it and what it is. */
export interface ActivePack {
  packId: string;
  version: string;
  /** Base URL of the pack's files, ending in "/": pack://active/… or http(s)://…/ */
  baseUrl: string;
  /** Increases on every switch, so the renderer can tell two loads of one version apart. */
  activation: number;
}

export interface AppHealth {
  appVersion: string;
  mode: HostMode;
  platform: string;
  uptimeSec: number;
  rendererRestarts: number;
  pack: { packId: string; version: string } | null;
  /** The last pack import that failed, with a reason a merchandiser can act on. */
  lastImportError: string | null;
  /** Anything else an installer should fix (a broken settings file, a missing PIN). */
  problems: string[];
  camera: 'unknown' | 'available' | 'absent' | 'denied';
}

export type AdminUnlockResult =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAt: number }
  | { ok: false; reason: 'no-pin-set' }
  | { ok: false; reason: 'unavailable'; message: string };

export type AdminActionResult = { ok: true } | { ok: false; message: string };

export interface AdminApi {
  unlock(pin: string): Promise<AdminUnlockResult>;
  /** Ends the admin session early. */
  lock(): Promise<void>;
  /** Leaves kiosk mode and quits; only after unlock. */
  exitKiosk(): Promise<AdminActionResult>;
}

export type SessionState = 'idle' | 'active';

export interface KioskApi {
  readonly mode: HostMode;
  getDeviceIdentity(): Promise<DeviceIdentity>;
  /** The kiosk's settings, defaults applied. */
  getConfig(): Promise<KioskSettings>;
  getActivePack(): Promise<ActivePack | null>;
  /** Called after the host switched packs (only while the session is idle). */
  onPackChanged(listener: (pack: ActivePack) => void): Unsubscribe;
  /** The renderer tells the host when a shopper session starts and ends, so packs switch between shoppers. */
  setSessionState(state: SessionState): Promise<void>;
  /** The renderer has started on the active pack (the host keeps a new pack only after this). */
  reportReady(pack: { packId: string; version: string; activation: number }): Promise<void>;
  getHealth(): Promise<AppHealth>;
  readonly admin: AdminApi;
}
