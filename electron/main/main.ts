// Electron entry: wires the host's parts together. Logic lives in the modules it
// imports; this file stays glue.
import { app, ipcMain, session } from 'electron';
import path from 'node:path';
import { buildContentSecurityPolicy, originOf } from '../common/csp.ts';
import { Channels } from '../common/channels.ts';
import { AdminGate, hashPin } from './admin-pin.ts';
import { fileAdminPinStore } from './admin-pin-files.ts';
import { loadOrCreateDeviceId, newBootId } from './device-identity.ts';
import { createHostHandlers } from './host-handlers.ts';
import { registerHostHandlers } from './ipc.ts';
import { loadKioskConfig } from './kiosk-config-file.ts';
import { createKioskWindow, type KioskWindow } from './kiosk-window.ts';
import { PackSwitcher } from './pack-switcher.ts';
import { handleProtocols, registerPrivilegedSchemes } from './protocols.ts';
import { readPinFromStdin } from './set-admin-pin.ts';
import { PACK_ORIGIN, isAppUrl, isPermissionAllowed } from './security-policy.ts';
import { loadBundledPack } from './bundled-pack.ts';

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

  let kiosk: KioskWindow | null = null;
  const packs = new PackSwitcher((pack) => {
    log(`content pack ${pack.packId}@${pack.version} is active`);
    kiosk?.window.webContents.send(Channels.packChanged, pack);
  });

  const csp = buildContentSecurityPolicy({
    packOrigins: [PACK_ORIGIN],
    connectOrigins: [originOf(config.collector.url)].filter((o): o is string => o !== null),
  });
  handleProtocols({ rendererDir: paths.renderer, csp: () => csp, activePackDir: () => packs.activeDir() });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined })),
  );
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, mediaType: details.mediaType }),
  );
  ses.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const bundled = await loadBundledPack(distDir);
  if (bundled) packs.offer(bundled);
  else problems.push('No content pack is installed.');

  registerHostHandlers(
    ipcMain,
    createHostHandlers({
      identity,
      config,
      problems: () => problems,
      packs,
      gate,
      appVersion: app.getVersion(),
      startedAt,
      rendererRestarts: () => kiosk?.supervisor.restartCount ?? 0,
      lastImportError: () => null,
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

  app.on('second-instance', () => {
    kiosk?.window.show();
    kiosk?.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
}
