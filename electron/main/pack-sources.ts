// Where new packs come from besides the admin screen: watched folders and USB sticks,
// and an update URL. A file seen before (same path, size and time) is not imported
// again, so a stick left in the kiosk costs nothing at the next start.
import path from 'node:path';
import { createUpdatePoller, watchPackFolders, type FolderWatcher, type PollOutcome, type UpdatePoller } from '../../content/lib/index.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';
import type { PackService } from './pack-service.ts';

export interface PackSources {
  /**
   * Polls the pack update URL now (a hub command): what came of it in a sentence, or
   * null when no update URL is set. Waits at most `waitMs` for the answer; a download
   * still running then carries on by itself.
   */
  checkNow(waitMs?: number): Promise<{ ok: boolean; message: string } | null>;
  close(): Promise<void>;
}

/** A poll's outcome in words for the console. */
export function describePollOutcome(outcome: PollOutcome, lastImportError: string | null): { ok: boolean; message: string } {
  switch (outcome.kind) {
    case 'not-modified':
      return { ok: true, message: 'Checked the pack update URL: no new pack.' };
    case 'imported':
      return { ok: true, message: `Checked the pack update URL: a new pack was downloaded (${Math.round(outcome.bytes / 1e6)} MB) and installed; it starts when nobody is using the screen.` };
    case 'refused':
      return { ok: false, message: `Checked the pack update URL: the pack there was refused — ${lastImportError ?? String((outcome.error as Error)?.message ?? outcome.error)}` };
    case 'failed':
      return { ok: false, message: `Could not check the pack update URL (${String((outcome.error as Error)?.message ?? outcome.error)}); the kiosk tries again in ${Math.round(outcome.retryInMs / 1000)} s.` };
  }
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
    async checkNow(waitMs = 60_000) {
      if (!poller) return null;
      const outcome = poller.pollOnce().then((o) => describePollOutcome(o, service.lastImportError()));
      let timer: NodeJS.Timeout | undefined;
      const stillRunning = new Promise<{ ok: boolean; message: string }>((resolve) => {
        timer = setTimeout(() => resolve({ ok: true, message: `Checking the pack update URL: a download is still running after ${Math.round(waitMs / 1000)} s and carries on by itself.` }), waitMs);
      });
      try {
        return await Promise.race([outcome, stillRunning]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      poller?.stop();
      await watcher?.close();
    },
  };
}
