// Run inside the real Electron binary by test/e2e/electron/self-update.e2e.ts: the feed
// client exactly as the kiosk app builds it — electron-updater's own HTTP client over
// Electron's net module — checks a feed on 127.0.0.1 and downloads what it offers (the
// sha512 checked as it arrives). Prints one line, "PROBE <json>", and exits.
import path from 'node:path';
import { app } from 'electron';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { createFeedUpdater, kioskAppAdapter, writeUpdaterConfig } from '../feed-updater.ts';
import { updatePaths } from '../update-files.ts';

async function probe(): Promise<Record<string, unknown>> {
  const feedUrl = process.env.PROBE_FEED_URL ?? '';
  const dataDir = process.env.PROBE_DATA_DIR ?? '';
  const paths = updatePaths(dataDir);
  await writeUpdaterConfig(paths.updaterConfig, feedUrl);
  const updater = createFeedUpdater({
    kind: 'deb',
    feedUrl,
    headers: () => ({ authorization: 'Bearer kt_probe_token' }),
    app: kioskAppAdapter({ version: '1.2.0', name: 'shopfront-kiosk', dataDir, configFile: paths.updaterConfig, cacheDir: paths.cache }),
    httpExecutor: new ElectronHttpExecutor(),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  try {
    const found = await updater.check();
    const file = await updater.download(() => undefined);
    return { ok: true, found, file: path.relative(dataDir, file) };
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    return { ok: false, code: e.code ?? null, message: String(e.message ?? err) };
  }
}

void app.whenReady().then(async () => {
  process.stdout.write(`PROBE ${JSON.stringify(await probe())}\n`);
  app.exit(0);
});
