// KioskApi for plain Chromium (development, demos, end-to-end tests): the pack is a
// static folder served over HTTP, settings come from /kiosk-config.json when the
// server has one, admin functions are not available, and the hub agent runs in the page.
import { DEFAULT_KIOSK_CONFIG, KioskConfig } from '../../../content/schema/kiosk-config.ts';
import { withCheckedArgs } from '../../../electron/common/host-contract.ts';
import { newRendererReports } from '../../../electron/common/hub-agent/heartbeat-body.ts';
import { hubSettingsProblems } from '../../../electron/common/hub-agent/hub-settings.ts';
import { HOST_API, type ActivePack, type AppHealth, type HostCommand, type HubStatus, type KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { createWebCoupons } from './web-coupons.ts';
import { loadOrCreateWebDeviceId } from './web-device-id.ts';
import { createWebHub } from './web-hub.ts';
import { createWebPacks } from './web-packs.ts';

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
  /** IndexedDB database for the hub credential and command ledger (tests give each host its own). */
  hubDbName?: string;
  /** Loads the page again (a hub's reload command); location.reload() unless a test says otherwise. */
  reloadPage?: () => void;
}

/** Listeners of one host event. */
function listeners<T>() {
  const set = new Set<(payload: T) => void>();
  return {
    on: (listener: (payload: T) => void) => (set.add(listener), () => void set.delete(listener)),
    emit: (payload: T) => set.forEach((listener) => listener(payload)),
  };
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
  // What the renderer reports: its camera, session and health (read by the hub's heartbeat).
  const reports = newRendererReports();
  const hostCommands = listeners<HostCommand>();
  const hubStatus = listeners<HubStatus>();
  const packChanged = listeners<ActivePack>();
  // The pack shown: the server's, or the one the hub assigns (switched to between shoppers).
  const packs = createWebPacks({
    servedBaseUrl: options.packBaseUrl,
    fetchImpl,
    session: () => reports.session,
    onChange: packChanged.emit,
    log: (line) => console.info(`[kiosk] ${line}`),
  });

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
  const hub = createWebHub({
    config,
    deviceId,
    bootId,
    startedAt,
    appVersion: options.appVersion ?? 'web',
    platform: navigator.platform || 'browser',
    reports,
    pack: packs.shown,
    packProblem: packs.problem,
    packRollbacks: packs.rollbacks,
    onPackNews: packs.onNews,
    couponKey: () => coupons.publicKey().catch(() => null),
    fetchImpl,
    ...(options.hubDbName ? { dbName: options.hubDbName } : {}),
    reloadPage: options.reloadPage ?? (() => location.reload()),
    onHostCommand: hostCommands.emit,
    onStatus: hubStatus.emit,
  });

  const host: KioskApi = {
    mode: 'web',
    getDeviceIdentity: identity,
    getConfig: () => config,
    getActivePack: () => packs.active(),
    onPackChanged: packChanged.on,
    async setSessionState(state) {
      reports.session = state;
      packs.sessionChanged(state);
    },
    async reportReady() {},
    async reportPackFailed(pack, reason) {
      problems.push(`pack ${pack.packId}@${pack.version} could not be shown: ${reason}`);
      packs.failed(pack, reason);
    },
    async reportCameraState(state) {
      reports.camera = state;
    },
    async reportRendererHealth(snapshot) {
      reports.health = snapshot;
    },
    // The browser is its own supervisor: a frozen tab is the developer's to see.
    async reportFrame() {},
    // Browser mode keeps the console; the kiosk app writes these to its log file.
    async log(line) {
      const write = line.level === 'debug' ? console.debug : line.level === 'info' ? console.info : line.level === 'warn' ? console.warn : console.error;
      write(`[kiosk] ${line.message}`, ...(line.fields ? [line.fields] : []));
    },
    onHostCommand: hostCommands.on,
    getHostNotices: async () => [],
    async ackHostNotices() {},
    onHostNotice: () => () => undefined,
    async getHealth(): Promise<AppHealth> {
      const settings = await config;
      return {
        appVersion: options.appVersion ?? 'web',
        mode: 'web',
        platform: navigator.platform || 'browser',
        uptimeSec: Math.round((Date.now() - startedAt) / 1000),
        rendererRestarts: 0,
        pack: packs.shown(),
        lastImportError: packs.problem(),
        problems: [...problems, ...hubSettingsProblems(settings)],
        camera: reports.camera,
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
    hub: { ...hub, onStatus: hubStatus.on },
    coupons,
  };
  return { ...withCheckedArgs(HOST_API, host), mode: 'web' };
}
