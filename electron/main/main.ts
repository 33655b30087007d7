// Electron entry: wires the host's parts together. Logic lives in the modules it
// imports; this file stays glue.
import { app, ipcMain, net, powerSaveBlocker, safeStorage, session } from 'electron';
import path from 'node:path';
import { buildContentSecurityPolicy, kioskConnectOrigins } from '../common/csp.ts';
import { newRendererReports } from '../common/hub-agent/heartbeat-body.ts';
import type { HubPackNews } from '../common/hub-agent/hub-agent.ts';
import { HOST_API } from '../common/kiosk-api.ts';
import { AdminGate, hashPin } from './admin-pin.ts';
import { CouponGuard } from './coupon-guard.ts';
import { openCouponIssuer, safeStorageBox } from './coupon-keys.ts';
import { fileAdminPinStore } from './admin-pin-files.ts';
import { loadOrCreateDeviceId, newBootId } from './device-identity.ts';
import { devSwitches, ignoredSwitchesMessage } from './dev-switches.ts';
import { createHostHandlers } from './host-handlers.ts';
import { restartPlan } from './hub-commands.ts';
import { createMainHub } from './hub-host.ts';
import { registerHostHandlers, sendHostEvent } from './ipc.ts';
import { loadKioskConfig } from './kiosk-config-file.ts';
import { createKioskWindow, type KioskWindow } from './kiosk-window.ts';
import { lastLogLines, openKioskLog, rendererLogSink, type KioskLogFile } from './logging/index.ts';
import { denyWindowOpen, refuseForeignNavigation, refuseWebview } from './navigation-policy.ts';
import { PackFileFinder, usbMountRoots } from './pack-files.ts';
import { PackService } from './pack-service.ts';
import { startPackSources } from './pack-sources.ts';
import { startHubPacks } from './hub-packs.ts';
import { handleProtocols, registerPrivilegedSchemes } from './protocols.ts';
import { readPinFromStdin } from './set-admin-pin.ts';
import { PACK_ORIGIN, isDeviceAllowed, isPermissionAllowed } from './security-policy.ts';
import { systemTimeZone } from './unattended/local-time.ts';
import { SessionClock } from './unattended/session-clock.ts';
import { startUnattended } from './unattended/start-unattended.ts';
import { startUpdates } from './updates/start-updates.ts';
import { PackStore } from '../../content/lib/index.ts';
import demoPublicKey from '../../content/demo/keys/demo-public-key.json';
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';

// Tests and a second development kiosk on one machine use their own data folder; an
// installed kiosk ignores the development switches unless KIOSK_DEV=1.
const dev = devSwitches(process.env, app.isPackaged);
if (dev.dataDir) app.setPath('userData', dev.dataDir);

// The log file opens once kiosk.json is read (its level and size cap are there); what
// is said before that waits for it.
let mainLog: KioskLogFile | null = null;
const early: string[] = [];
const log = (message: string) => (mainLog ? mainLog.info(message) : void early.push(message));
const ignoredSwitches = ignoredSwitchesMessage(dev);
if (ignoredSwitches) log(ignoredSwitches);
const startedAt = Date.now();
const distDir = path.join(__dirname, '..');
const paths = {
  renderer: path.join(distDir, 'renderer'),
  preload: path.join(distDir, 'preload', 'preload.cjs'),
  fallback: path.join(distDir, 'main', 'fallback.html'),
  data: app.getPath('userData'),
  config: dev.configFile ?? path.join(app.getPath('userData'), 'kiosk.json'),
  bundledPack: app.isPackaged ? path.join(process.resourcesPath, 'packs', 'demo.kpack') : path.join(distDir, 'packs', 'demo.kpack'),
};

app.enableSandbox();
registerPrivilegedSchemes();

if (process.argv.includes('--set-admin-pin')) {
  void app.whenReady().then(async () => {
    const pin = await readPinFromStdin();
    await fileAdminPinStore(paths.data).writeHash(await hashPin(pin));
    process.stdout.write('Admin PIN saved.\n');
    app.exit(0);
  }).catch((err) => {
    process.stderr.write(`${String(err instanceof Error ? err.message : err)}\n`);
    app.exit(1);
  });
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start().catch((err) => {
    if (mainLog) mainLog.error('fatal start-up error', { err });
    else process.stderr.write(`[kiosk] fatal start-up error: ${String(err?.stack ?? err)}\n`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const { config, problem } = await loadKioskConfig(paths.config);
  mainLog = openKioskLog({
    dir: path.join(paths.data, 'logs'),
    level: config.logs.level,
    maxFileMb: config.logs.maxFileMb,
    files: config.logs.files,
    // journald (systemd) keeps warnings and errors too; a development run shows everything.
    stdoutLevel: app.isPackaged ? 'warn' : 'debug',
  });
  const kioskLog = mainLog;
  app.on('will-quit', () => void kioskLog.close());
  kioskLog.info(`Shopfront Kiosk ${app.getVersion()} starting`);
  for (const line of early.splice(0)) kioskLog.info(line);
  const line = (component: string) => {
    const child = kioskLog.child(component);
    return (message: string) => child.info(message);
  };
  const problems = problem ? [problem] : [];
  if (problem) kioskLog.warn(problem);
  const timeZone = config.timeZone ?? systemTimeZone();
  const sessionClock = new SessionClock(Date.now());
  const sessionNow = () => ({ state: sessionClock.state, since: sessionClock.since });
  /** Restarts the app: under systemd by exiting for it to start the kiosk again, elsewhere by relaunching. */
  const restartApp = (why: string) => {
    const plan = restartPlan(process.env);
    log(`restarting ${why}${plan.relaunch ? '' : ` (exit ${plan.exitCode}: systemd starts the kiosk again)`}`);
    kiosk?.allowClose();
    // An AppImage relaunches the file at its path (perhaps a new version), not the mounted copy it runs from.
    if (plan.relaunch) app.relaunch(process.env.APPIMAGE ? { execPath: process.env.APPIMAGE, args: process.argv.slice(1) } : undefined);
    app.exit(plan.exitCode);
  };

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
  // Packs the hub assigns, checked against the keys it names as well as the configured ones.
  const hubPacks = config.hub.url
    ? await startHubPacks({
        hubUrl: config.hub.url,
        token: () => hub.agent.eventsTarget()?.writeKey ?? null,
        dataDir: paths.data,
        importPack: async (file) => {
          if (!(await packs.importFile(file, 'url'))) throw new Error(packs.lastImportError() ?? 'pack refused');
        },
        log: line('packs'),
        fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
      })
    : null;
  const store = await PackStore.open(path.join(paths.data, 'packs'), { diskBudgetBytes: config.packs.diskBudgetBytes });
  const packs = new PackService({
    store,
    trustedKeys: () => [...config.packs.trustedKeys, ...(hubPacks?.trustedKeys() ?? [])],
    kiosk: { storeId: config.storeId, kioskId: identity.deviceId },
    // The demo pack inside the app is trusted by its own key, for that file only.
    bundled: { file: paths.bundledPack, trustedKeys: [demoPublicKey as TrustedKey] },
    readyTimeoutMs: 90_000,
    onActivePackChanged: (pack) => {
      kioskLog.child('packs').info(`content pack ${pack.packId}@${pack.version} is active`);
      sendHostEvent(kiosk?.window.webContents, HOST_API.onPackChanged, pack);
    },
    onNotice: (notice) => sendHostEvent(kiosk?.window.webContents, HOST_API.onHostNotice, notice),
    log: line('packs'),
  });
  await packs.start();
  if (!packs.active()) problems.push('No content pack is installed: copy a .kpack onto a USB stick or set packs.updateUrl.');
  const packFolders = [...config.packs.watchFolders, ...usbMountRoots()];
  const sources = await startPackSources({ service: packs, config, folders: packFolders, dataDir: paths.data, log: line('packs'), hub: hubPacks });
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
        update: updates.service.report(),
      };
    },
    commands: {
      session: () => reports.session,
      capturePage: async () => (kiosk ? kiosk.window.webContents.capturePage() : null),
      reload: () => kiosk?.supervisor.reloadNow(),
      restart: () => restartApp("at the hub's request"),
      sendHostCommand: (command) => sendHostEvent(kiosk?.window.webContents, HOST_API.onHostCommand, command),
      outboxDepth: () => reports.health?.outbox?.depth ?? null,
      checkPack: () => sources.checkNow(),
      logLines: (count) => lastLogLines(kioskLog.dir, count),
    },
    log: line('hub'),
    onStatus: (status) => sendHostEvent(kiosk?.window.webContents, HOST_API.hub.onStatus, status),
    ...(hubPacks ? { onPackNews: (news: HubPackNews) => hubPacks.onNews(news) } : {}),
    // Chromium's network stack, as the renderer's uploader uses: the system's proxy settings and certificate store.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
  });
  app.on('will-quit', () => void hub.agent.stop());

  // The app's self-update (its state goes out with each heartbeat).
  const updates = await startUpdates({
    app,
    resourcesPath: process.resourcesPath,
    env: process.env,
    config,
    timeZone,
    dataDir: paths.data,
    hubToken: () => hub.agent.eventsTarget()?.writeKey ?? null,
    session: sessionNow,
    restart: restartApp,
    log: kioskLog.child('updates'),
  });
  app.on('will-quit', () => updates.stop());

  // Never a blank screen: the display kept awake, the optional nightly restart.
  const unattended = startUnattended({
    powerSaveBlocker,
    display: config.display,
    windowed: Boolean(dev.windowed),
    timeZone,
    startedAt,
    session: sessionNow,
    restart: restartApp,
    log: line('display'),
  });
  app.on('will-quit', () => unattended.stop());

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
      onRendererReady: () => {
        kiosk?.supervisor.rendererReady();
        updates.service.rendererReady();
      },
      onSessionState: (state) => sessionClock.set(state, Date.now()),
      onFrame: (tick) => kiosk?.frameTick(tick),
      onRendererLog: rendererLogSink(kioskLog.child('renderer')),
      quit: () => {
        log('admin exit');
        kiosk?.allowClose();
        setImmediate(() => app.quit());
      },
    }),
    () => kiosk?.window.webContents.mainFrame ?? null,
    (channel, why) => kioskLog.child('ipc').warn(`refused IPC on ${channel}: ${why}`),
  );

  kiosk = createKioskWindow({
    preload: paths.preload,
    fallbackHtml: paths.fallback,
    devTools: dev.devTools,
    windowed: dev.windowed,
    log: line('window'),
    frozenAfterMs: config.display.frozenAfterSec * 1000,
    onRendererGone: () => updates.service.rendererGone(),
  });

  void hub.agent.start();

  app.on('second-instance', () => {
    kiosk?.window.show();
    kiosk?.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}
