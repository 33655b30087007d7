// KioskApi for plain Chromium (development, demos, end-to-end tests): the pack is a
// static folder served over HTTP, settings come from /kiosk-config.json when the
// server has one, and admin functions are not available.
import { DEFAULT_KIOSK_CONFIG, KioskConfig } from '../../../content/schema/kiosk-config.ts';
import { withCheckedArgs } from '../../../electron/common/host-contract.ts';
import { HOST_API, type ActivePack, type AppHealth, type CameraAvailability, type KioskApi, type SessionState } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { createWebCoupons } from './web-coupons.ts';
import { loadOrCreateWebDeviceId } from './web-device-id.ts';

const NOT_IN_BROWSER = 'Not available in browser mode: the admin functions need the kiosk app.';

export interface WebHostOptions {
  /** Where the unpacked pack is served, ending in "/". */
  packBaseUrl: string;
  configUrl: string;
  /** IndexedDB database for the device id (tests give each browser its own). */
  identityDbName?: string;
  fetchImpl?: typeof fetch;
  appVersion?: string;
  /** IndexedDB database for the coupon key (tests give each host its own). */
  couponDbName?: string;
}

/**
 * The browser-mode host. Its calls check their arguments against the same declaration
 * main's IPC door uses, so both hosts refuse the same things.
 */
export function createWebHost(options: WebHostOptions): KioskApi {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const bootId = crypto.randomUUID();
  const startedAt = Date.now();
  const deviceId = loadOrCreateWebDeviceId(options.identityDbName);
  const problems: string[] = [];
  let session: SessionState = 'idle';
  let lastPack: ActivePack | null = null;
  let camera: CameraAvailability = 'unknown';

  const config: Promise<KioskSettings> = (async () => {
    try {
      const res = await fetchImpl(options.configUrl, { cache: 'no-store' });
      if (!res.ok) return DEFAULT_KIOSK_CONFIG;
      const parsed = KioskConfig.safeParse(await res.json());
      if (parsed.success) return parsed.data;
      problems.push(`${options.configUrl}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    } catch (err) {
      problems.push(`${options.configUrl}: ${(err as Error).message}`);
    }
    return DEFAULT_KIOSK_CONFIG;
  })();

  const identity = async () => {
    const c = await config;
    // In browser mode the page is the host: its own clock is the boot's.
    return { deviceId: await deviceId, bootId, storeId: c.storeId, kioskName: c.kioskName, uptimeMs: Math.round(performance.now()) };
  };
  // Coupons are signed with a key of this browser; its public key is announced so
  // end-to-end tests can verify the QR codes they read.
  const coupons = createWebCoupons({
    identity,
    ...(options.couponDbName ? { dbName: options.couponDbName } : {}),
    onKey: (key) => emitAppEvent('coupon-key', { ...key }),
  });

  const host: KioskApi = {
    mode: 'web',
    getDeviceIdentity: identity,
    getConfig: () => config,
    async getActivePack() {
      const res = await fetchImpl(`${options.packBaseUrl}manifest.json`, { cache: 'no-store' });
      if (!res.ok) return null;
      const manifest = (await res.json()) as { packId?: unknown; version?: unknown };
      if (typeof manifest.packId !== 'string' || typeof manifest.version !== 'string') return null;
      lastPack = { packId: manifest.packId, version: manifest.version, baseUrl: options.packBaseUrl, activation: 1 };
      return lastPack;
    },
    onPackChanged: () => () => undefined,
    async setSessionState(state) {
      session = state;
    },
    async reportReady() {},
    async reportPackFailed(pack, reason) {
      problems.push(`pack ${pack.packId}@${pack.version} could not be shown: ${reason}`);
    },
    async reportCameraState(state) {
      camera = state;
    },
    getHostNotices: async () => [],
    async ackHostNotices() {},
    onHostNotice: () => () => undefined,
    async getHealth(): Promise<AppHealth> {
      void session;
      return {
        appVersion: options.appVersion ?? 'web',
        mode: 'web',
        platform: navigator.platform || 'browser',
        uptimeSec: Math.round((Date.now() - startedAt) / 1000),
        rendererRestarts: 0,
        pack: lastPack ? { packId: lastPack.packId, version: lastPack.version } : null,
        lastImportError: null,
        problems: [...problems],
        camera,
      };
    },
    admin: {
      unlock: async () => ({ ok: false, reason: 'unavailable', message: NOT_IN_BROWSER }),
      lock: async () => undefined,
      exitKiosk: async () => ({ ok: false, message: NOT_IN_BROWSER }),
      listPackFiles: async () => [],
      checkPackFile: async () => ({ ok: false, code: 'unavailable', message: NOT_IN_BROWSER, problems: [] }),
      installPackFile: async () => ({ ok: false, message: NOT_IN_BROWSER }),
      rollbackPack: async () => ({ ok: false, message: NOT_IN_BROWSER }),
    },
    coupons,
  };
  return { ...withCheckedArgs(HOST_API, host), mode: 'web' };
}
