// electron-updater, set up for an unattended kiosk: the generic provider on the
// configured feed (latest-linux.yml), no automatic download or install, no differential
// download (always the whole file, checked against the published sha512), no downgrade.
// It only finds and fetches the update; installing and going back are the kiosk's own
// (appimage-install.ts, deb-install.ts). The HTTP client and the app adapter are handed
// in: Electron's net module in the app, a plain Node client in the tests.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppImageUpdater, DebUpdater, type AppUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';

export type UpdateKind = 'appimage' | 'deb';

/** The name of electron-updater's cache folder under the adapter's cache path. */
export const UPDATER_CACHE_NAME = 'kiosk-updater';

export interface FeedLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface FeedUpdaterOptions {
  kind: UpdateKind;
  /** The folder holding latest-linux.yml. */
  feedUrl: string;
  /** Headers for every request (the kiosk's credential when the feed is the hub). */
  headers: () => Record<string, string>;
  app: AppAdapter;
  /** builder-util-runtime's HttpExecutor: electron-updater's own for Electron's net module, or a Node one. */
  httpExecutor: unknown;
  logger: FeedLogger;
}

export type FeedCheck =
  | { kind: 'newer'; version: string; sha512: string; fileName: string }
  | { kind: 'none'; latest: string }
  /** The feed has no latest-linux.yml (nothing published yet). */
  | { kind: 'nothing-published' };

export interface FeedUpdater {
  check(): Promise<FeedCheck>;
  /** Downloads the update the last check found; the downloaded file. */
  download(onPercent: (percent: number) => void): Promise<string>;
}

/** A problem with the feed itself, said so an operator can fix it. */
export class FeedProblem extends Error {}

const fileFor = (kind: UpdateKind, urls: readonly { url: string; sha512?: string }[]) => urls.find((f) => (kind === 'appimage' ? /\.AppImage$/i : /\.deb$/i).test(f.url.split('?')[0] ?? ''));

/** An AppAdapter that keeps electron-updater's files in the kiosk's data folder. */
export function kioskAppAdapter(o: { version: string; name: string; dataDir: string; configFile: string; cacheDir: string }): AppAdapter {
  return {
    version: o.version,
    name: o.name,
    isPackaged: true,
    appUpdateConfigPath: o.configFile,
    userDataPath: o.dataDir,
    baseCachePath: o.cacheDir,
    whenReady: async () => undefined,
    // The kiosk restarts itself (systemd or app.relaunch); electron-updater never quits it.
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
}

/** electron-updater reads its cache folder's name from an app-update.yml: the kiosk writes its own. */
export async function writeUpdaterConfig(file: string, feedUrl: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  // JSON strings are YAML strings.
  await fs.writeFile(file, `provider: generic\nurl: ${JSON.stringify(feedUrl)}\nupdaterCacheDirName: ${UPDATER_CACHE_NAME}\n`);
}

export function createFeedUpdater(o: FeedUpdaterOptions): FeedUpdater {
  const updater: AppUpdater = o.kind === 'appimage' ? new AppImageUpdater(null, o.app) : new DebUpdater(null, o.app);
  // The HTTP client before the feed: the provider is made with it.
  (updater as unknown as { httpExecutor: unknown }).httpExecutor = o.httpExecutor;
  updater.logger = o.logger;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.autoRunAppAfterInstall = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // Always the whole file, so the published sha512 is checked over every byte of it.
  updater.disableDifferentialDownload = true;
  updater.disableWebInstaller = true;
  updater.setFeedURL({ provider: 'generic', url: o.feedUrl });

  return {
    async check() {
      updater.requestHeaders = o.headers();
      let result;
      try {
        result = await updater.checkForUpdates();
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return { kind: 'nothing-published' };
        throw err;
      }
      if (!result) throw new FeedProblem('The updater is not active in this install.');
      const info = result.updateInfo;
      if (!result.isUpdateAvailable) return { kind: 'none', latest: info.version };
      const file = fileFor(o.kind, info.files ?? []);
      if (!file) throw new FeedProblem(`The update feed lists ${info.version} without a ${o.kind === 'appimage' ? '.AppImage' : '.deb'} file: publish it with electron-builder's latest-linux.yml.`);
      // Without a sha512, electron-updater would download it unchecked: refused.
      if (!file.sha512) throw new FeedProblem(`The update feed gives no sha512 for ${file.url}: it is not downloaded. Publish the latest-linux.yml electron-builder wrote.`);
      return { kind: 'newer', version: info.version, sha512: file.sha512, fileName: file.url };
    },
    async download(onPercent) {
      updater.requestHeaders = o.headers();
      const progress = (p: { percent: number }) => onPercent(p.percent);
      updater.on('download-progress', progress);
      try {
        const files = await updater.downloadUpdate();
        const file = files.find((f) => (o.kind === 'appimage' ? /\.AppImage$/i : /\.deb$/i).test(f)) ?? files[0];
        if (!file) throw new FeedProblem('The download gave no file.');
        return file;
      } finally {
        updater.off('download-progress', progress);
      }
    },
  };
}
