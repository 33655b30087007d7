// Where new packs come from besides the admin screen: watched folders and USB sticks,
// and an update URL. A file seen before (same path, size and time) is not imported
// again, so a stick left in the kiosk costs nothing at the next start.
import path from 'node:path';
import { createUpdatePoller, watchPackFolders, type FolderWatcher, type UpdatePoller } from '../../content/lib/index.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';
import type { PackService } from './pack-service.ts';

export interface PackSources {
  close(): Promise<void>;
}

export async function startPackSources(options: {
  service: PackService;
  config: KioskSettings;
  folders: string[];
  dataDir: string;
  log: (message: string) => void;
}): Promise<PackSources> {
  const { service, config, log } = options;
  const ledgerFile = path.join(options.dataDir, 'pack-files-seen.json');
  const seen = new Map<string, string>(Object.entries(((await readJsonFile(ledgerFile).catch(() => undefined)) ?? {}) as Record<string, string>));

  let watcher: FolderWatcher | null = null;
  if (options.folders.length > 0) {
    watcher = watchPackFolders({
      folders: options.folders,
      onPack: (file, info) => {
        const fingerprint = `${info.size}:${Math.round(info.mtimeMs)}`;
        if (seen.get(file) === fingerprint) return;
        seen.set(file, fingerprint);
        void service
          .importFile(file, 'folder')
          .then(() => writeJsonFileAtomic(ledgerFile, Object.fromEntries([...seen].slice(-200))))
          .catch((err) => log(`pack folder: ${String(err)}`));
      },
      onError: (err) => log(`pack folder watcher: ${String(err)}`),
    });
  }

  let poller: UpdatePoller | null = null;
  if (config.packs.updateUrl) {
    poller = createUpdatePoller({
      url: config.packs.updateUrl,
      workDir: path.join(options.dataDir, 'pack-updates'),
      intervalMs: config.packs.pollIntervalSec * 1000,
      onPack: async (file) => {
        if (!(await service.importFile(file, 'url'))) throw new Error(service.lastImportError() ?? 'pack refused');
      },
    });
    poller.start((outcome) => {
      if (outcome.kind !== 'not-modified') log(`pack update check: ${outcome.kind}`);
    });
  }

  return {
    async close() {
      poller?.stop();
      await watcher?.close();
    },
  };
}
