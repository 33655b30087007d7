// The Electron glue of the self-update: reads how this install is updated, gives
// electron-updater Electron's network stack (the system's proxy and certificates), and
// runs the service's timers — a look at the feed a minute after start and then every
// updates.checkEveryMin, and every half minute the install/probation decisions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import type { AppUpdateReport } from '../../../content/schema/hub-api/heartbeat.ts';
import type { KioskSettings } from '../../common/kiosk-settings.ts';
import type { KioskLog } from '../logging/kiosk-log.ts';
import { createFeedUpdater, kioskAppAdapter, writeUpdaterConfig } from './feed-updater.ts';
import { updatePaths } from './update-files.ts';
import { UpdateService } from './update-service.ts';
import { updateSetup } from './update-setup.ts';

const FIRST_CHECK_AFTER_MS = 60_000;
const TICK_EVERY_MS = 30_000;

export interface StartUpdatesOptions {
  app: { getVersion(): string; getName(): string; isPackaged: boolean };
  resourcesPath: string;
  env: Record<string, string | undefined>;
  config: KioskSettings;
  timeZone: string;
  dataDir: string;
  /** The kiosk's hub credential while enrolled (sent only to the hub's own feed). */
  hubToken: () => string | null;
  session: () => { state: 'idle' | 'active'; since: number };
  restart: (why: string) => void;
  log: KioskLog;
  onChange?: (report: AppUpdateReport) => void;
}

function packageType(resourcesPath: string): string | null {
  try {
    return readFileSync(path.join(resourcesPath, 'package-type'), 'utf8');
  } catch {
    return null;
  }
}

export async function startUpdates(o: StartUpdatesOptions): Promise<{ service: UpdateService; stop(): void }> {
  const { updates, hub } = o.config;
  const setup = updateSetup({
    enabled: updates.enabled,
    url: updates.url,
    hubUrl: hub.url,
    isPackaged: o.app.isPackaged,
    platform: process.platform,
    appImage: o.env.APPIMAGE,
    packageType: packageType(o.resourcesPath),
  });
  const paths = updatePaths(o.dataDir);
  let updater = null;
  if (setup.kind) {
    await writeUpdaterConfig(paths.updaterConfig, setup.feedUrl);
    const viaHub = setup.viaHub;
    updater = createFeedUpdater({
      kind: setup.kind,
      feedUrl: setup.feedUrl,
      headers: (): Record<string, string> => {
        const token = viaHub ? o.hubToken() : null;
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      app: kioskAppAdapter({ version: o.app.getVersion(), name: o.app.getName(), dataDir: o.dataDir, configFile: paths.updaterConfig, cacheDir: paths.cache }),
      httpExecutor: new ElectronHttpExecutor(),
      logger: {
        info: (m) => o.log.debug(String(m)),
        warn: (m) => o.log.warn(String(m)),
        error: (m) => o.log.error(String(m)),
      },
    });
  }
  const service = new UpdateService({
    currentVersion: o.app.getVersion(),
    kind: setup.kind,
    offReason: setup.kind ? null : setup.offReason,
    appImagePath: o.env.APPIMAGE ?? null,
    dataDir: o.dataDir,
    settings: { checkEveryMin: updates.checkEveryMin, nightWindow: updates.nightWindow, readyTimeoutSec: updates.readyTimeoutSec, timeZone: o.timeZone },
    feedUrl: setup.feedUrl,
    updater,
    session: o.session,
    restart: () => o.restart('to finish an app update'),
    now: Date.now,
    log: o.log,
    ...(o.onChange ? { onChange: o.onChange } : {}),
  });
  await service.start();
  if (!setup.kind) o.log.info(setup.offReason);
  const timers: NodeJS.Timeout[] = [setInterval(() => void service.tick(), TICK_EVERY_MS)];
  if (setup.kind) {
    timers.push(setTimeout(() => void service.checkNow(), FIRST_CHECK_AFTER_MS));
    timers.push(setInterval(() => void service.checkNow(), updates.checkEveryMin * 60_000));
  }
  return { service, stop: () => timers.forEach((t) => clearTimeout(t)) };
}
