// Electron entry: wires the host's parts together. Logic lives in the modules it
// imports; this file stays glue.
import { app, ipcMain, net, safeStorage, session } from 'electron';
import path from 'node:path';
import { buildContentSecurityPolicy, kioskConnectOrigins } from '../common/csp.ts';
import { newRendererReports } from '../common/hub-agent/heartbeat-body.ts';
import { HOST_API } from '../common/kiosk-api.ts';
import { AdminGate, hashPin } from './admin-pin.ts';
import { CouponGuard } from './coupon-guard.ts';
import { openCouponIssuer, safeStorageBox } from './coupon-keys.ts';
import { fileAdminPinStore } from './admin-pin-files.ts';
import { loadOrCreateDeviceId, newBootId } from './device-identity.ts';
import { createHostHandlers } from './host-handlers.ts';
import { restartPlan } from './hub-commands.ts';
import { createMainHub } from './hub-host.ts';
import { registerHostHandlers, sendHostEvent } from './ipc.ts';
import { loadKioskConfig } from './kiosk-config-file.ts';
import { createKioskWindow, type KioskWindow } from './kiosk-window.ts';
import { denyWindowOpen, refuseForeignNavigation, refuseWebview } from './navigation-policy.ts';
import { PackFileFinder, usbMountRoots } from './pack-files.ts';
import { PackService } from './pack-service.ts';
import { startPackSources } from './pack-sources.ts';
import { handleProtocols, registerPrivilegedSchemes } from './protocols.ts';
import { readPinFromStdin } from './set-admin-pin.ts';
import { PACK_ORIGIN, isDeviceAllowed, isPermissionAllowed } from './security-policy.ts';
import { PackStore } from '../../content/lib/index.ts';
import demoPublicKey from '../../content/demo/keys/demo-public-key.json';
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';

// Tests and a second development kiosk on one machine use their own data folder.
if (process.env.KIOSK_DATA_DIR) app.setPath('userData', process.env.KIOSK_DATA_DIR);

const log = (message: string) => console.log(`[kiosk] ${new Date().toISOString()} ${message}`);
const startedAt = Date.now();
const distDir = path.join(__dirname, '..');
const paths = {
  renderer: path.join(distDir, 'renderer'),
  preload: path.join(distDir, 'preload', 'preload.cjs'),
  fallback: path.join(distDir, 'main', 'fallback.html'),
  data: app.getPath('userData'),
  config: process.env.KIOSK_CONFIG ?? path.join(app.getPath('userData'), 'kiosk.json'),
  bundledPack: app.isPackaged ? path.join(process.resourcesPath, 'packs', 'demo.kpack') : path.join(distDir, 'packs', 'demo.kpack'),
};

app.enableSandbox();
registerPrivilegedSchemes();

if (process.argv.includes('--set-admin-pin')) {
  void app.whenReady().then(async () => {
    const pin = await readPinFromStdin();
    await fileAdminPinStore(paths.data).writeHash(await hashPin(pin));
    console.log('Admin PIN saved.');
    app.exit(0);
  }).catch((err) => {
    console.error(String(err instanceof Error ? err.message : err));
    app.exit(1);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((err) => {
    log(`fatal start-up error: ${String(err?.stack ?? err)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const { config, problem } = await loadKioskConfig(paths.config);
  const problems = problem ? [problem] : [];
  if (problem) log(problem);

  const pinStore = fileAdminPinStore(paths.data);
  if (!(await pinStore.readHash())) {
    if (app.isPackaged) {
      problems.push('No admin PIN is set: run "shopfront-kiosk --set-admin-pin" once on this machine.');
    } else {
      await pinStore.writeHash(await hashPin('1234'));
      log('development run: admin PIN set to 1234 (change it with --set-admin-pin)');
    }
  }
  const gate = new AdminGate(pinStore);
  const identity = {
    deviceId: await loadOrCreateDeviceId(path.join(paths.data, 'device.json')),
    bootId: newBootId(),
    storeId: config.storeId,
    kioskName: config.kioskName,
  };
  const box = safeStorageBox(safeStorage);
  const coupons = await openCouponIssuer({ dir: paths.data, box, identity });
  for (const problem of coupons.problems) log(problem);
  problems.push(...coupons.problems);

  let kiosk: KioskWindow | null = null;
  const store = await PackStore.open(path.join(paths.data, 'packs'), { diskBudgetBytes: config.packs.diskBudgetBytes });
  const packs = new PackService({
    store,
    trustedKeys: () => config.packs.trustedKeys,
    kiosk: { storeId: config.storeId, kioskId: identity.deviceId },
    // The demo pack inside the app is trusted by its own key, for that file only.
    bundled: { file: paths.bundledPack, trustedKeys: [demoPublicKey as TrustedKey] },
    readyTimeoutMs: 90_000,
    onActivePackChanged: (pack) => {
      log(`content pack ${pack.packId}@${pack.version} is active`);
      sendHostEvent(kiosk?.window.webContents, HOST_API.onPackChanged, pack);
    },
    onNotice: (notice) => sendHostEvent(kiosk?.window.webContents, HOST_API.onHostNotice, notice),
    log,
  });
  await packs.start();
  if (!packs.active()) problems.push('No content pack is installed: copy a .kpack onto a USB stick or set packs.updateUrl.');
  const packFolders = [...config.packs.watchFolders, ...usbMountRoots()];
  const sources = await startPackSources({ service: packs, config, folders: packFolders, dataDir: paths.data, log });
  app.on('will-quit', () => void sources.close());

  // The hub agent: enrolment, heartbeats and commands (nothing at all without hub.url).
  const reports = newRendererReports();
  const hub = createMainHub({
    config,
    identity,
    appVersion: app.getVersion(),
    dataDir: paths.data,
    box,
    couponKey: () => coupons.issuer.publicKey(),
    reports,
    facts: () => {
      const active = packs.active();
      return {
        uptimeSec: (Date.now() - startedAt) / 1000,
        pack: active ? { packId: active.packId, version: active.version } : null,
        packProblem: packs.lastImportError(),
        rendererRestarts: kiosk?.supervisor.restartCount ?? 0,
        rendererCrashes: kiosk?.supervisor.crashCount ?? 0,
        packRollbacks: packs.rollbackCount(),
      };
    },
    commands: {
      session: () => reports.session,
      capturePage: async () => (kiosk ? kiosk.window.webContents.capturePage() : null),
      reload: () => kiosk?.supervisor.reloadNow(),
      restart: () => {
        const plan = restartPlan(process.env);
        log(`restarting at the hub's request${plan.relaunch ? '' : ` (exit ${plan.exitCode}: systemd starts the kiosk again)`}`);
        if (plan.relaunch) app.relaunch();
        app.exit(plan.exitCode);
      },
      sendHostCommand: (command) => sendHostEvent(kiosk?.window.webContents, HOST_API.onHostCommand, command),
      outboxDepth: () => reports.health?.outbox?.depth ?? null,
      checkPack: () => sources.checkNow(),
    },
    log,
    onStatus: (status) => sendHostEvent(kiosk?.window.webContents, HOST_API.hub.onStatus, status),
    // Chromium's network stack, as the renderer's uploader uses: the system's proxy settings and certificate store.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
  });
  app.on('will-quit', () => void hub.agent.stop());

  const csp = buildContentSecurityPolicy({
    packOrigins: [PACK_ORIGIN],
    connectOrigins: kioskConnectOrigins({ hubUrl: config.hub.url, collectorUrl: config.collector.url }),
  });
  handleProtocols({ rendererDir: paths.renderer, csp: () => csp, activePackDir: () => packs.activeDir() });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined })),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaType: details.mediaType }),
  );
  ses.setDevicePermissionHandler(({ deviceType, origin, device }) =>
    isDeviceAllowed({ deviceType, origin, usagePages: 'collections' in device ? device.collections.map((c) => c.usagePage) : [] }),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', refuseForeignNavigation);
    contents.on('will-redirect', refuseForeignNavigation);
    contents.on('will-attach-webview', refuseWebview);
    contents.setWindowOpenHandler(denyWindowOpen);
  });

  registerHostHandlers(
    ipcMain,
    createHostHandlers({
      identity,
      uptimeMs: () => Math.round(performance.now()),
      config,
      problems: () => [...problems, ...hub.problems()],
      packs,
      packFiles: new PackFileFinder(() => packFolders),
      gate,
      coupons: coupons.issuer,
      couponGuard: new CouponGuard({
        activePack: () => {
          const dir = packs.activeDir();
          const active = packs.active();
          return dir && active ? { dir, activation: active.activation } : null;
        },
      }),
      appVersion: app.getVersion(),
      startedAt,
      rendererRestarts: () => kiosk?.supervisor.restartCount ?? 0,
      reports,
      hub: hub.agent,
      onRendererReady: () => kiosk?.supervisor.rendererReady(),
      quit: () => {
        log('admin exit');
        kiosk?.allowClose();
        setImmediate(() => app.quit());
      },
    }),
    () => kiosk?.window.webContents.mainFrame ?? null,
    (channel, why) => log(`refused IPC on ${channel}: ${why}`),
  );

  kiosk = createKioskWindow({
    preload: paths.preload,
    fallbackHtml: paths.fallback,
    devTools: !app.isPackaged && process.env.KIOSK_DEVTOOLS === '1',
    windowed: process.env.KIOSK_WINDOW,
    log,
  });

  void hub.agent.start();

  app.on('second-instance', () => {
    kiosk?.window.show();
    kiosk?.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}
