// Where new packs come from besides the admin screen: watched folders and USB sticks,
// an update URL, and the hub (hub-packs.ts). A file seen before (same path, size and time) is not imported
// again, so a stick left in the kiosk costs nothing at the next start.
import path from 'node:path';
import { createUpdatePoller, watchPackFolders, type FolderWatcher, type PollOutcome, type UpdatePoller } from '../../content/lib/index.ts';
import type { KioskSettings } from '../common/kiosk-settings.ts';
import type { HubPacks } from './hub-packs.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';
import type { PackService } from './pack-service.ts';

export interface PackSources {
  /**
   * Polls the pack update URL (or the hub) now (a hub command): what came of it in a
   * sentence, or null when there is neither. Waits at most `waitMs` for the answer; a download
   * still running then carries on by itself.
   */
  checkNow(waitMs?: number): Promise<{ ok: boolean; message: string } | null>;
  close(): Promise<void>;
}

/** A poll's outcome in words for the console. */
export function describePollOutcome(outcome: PollOutcome, lastImportError: string | null, from = 'the pack update URL'): { ok: boolean; message: string } {
  switch (outcome.kind) {
    case 'not-modified':
      return { ok: true, message: `Checked ${from}: no new pack.` };
    case 'imported':
      return { ok: true, message: `Checked ${from}: a new pack was downloaded (${Math.round(outcome.bytes / 1e6)} MB) and installed; it starts when nobody is using the screen.` };
    case 'refused':
      return { ok: false, message: `Checked ${from}: the pack there was refused — ${lastImportError ?? String((outcome.error as Error)?.message ?? outcome.error)}` };
    case 'failed':
      return {
        ok: false,
        message: `Could not check ${from} (${String((outcome.error as Error)?.message ?? outcome.error)}); the kiosk tries again ${outcome.retryInMs > 0 ? `in ${Math.round(outcome.retryInMs / 1000)} s` : 'at its next heartbeat'}.`,
      };
  }
}

export async function startPackSources(options: {
  service: PackService;
  config: KioskSettings;
  folders: string[];
  dataDir: string;
  log: (message: string) => void;
  /** Packs the hub assigns (null without hub.url). */
  hub?: HubPacks | null;
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
      const hub = options.hub;
      let outcome: Promise<{ ok: boolean; message: string }>;
      // With a hub, the hub says which pack this kiosk runs.
      if (hub) {
        outcome = hub.checkNow().then((o) =>
          o ? describePollOutcome(o, service.lastImportError(), 'the hub') : { ok: false, message: 'Not enrolled with the hub: there is no pack to ask it for.' },
        );
      } else if (poller) outcome = poller.pollOnce().then((o) => describePollOutcome(o, service.lastImportError()));
      else return null;
      let timer: NodeJS.Timeout | undefined;
      const stillRunning = new Promise<{ ok: boolean; message: string }>((resolve) => {
        const from = hub ? 'the hub' : 'the pack update URL';
        timer = setTimeout(() => resolve({ ok: true, message: `Checking ${from}: a download is still running after ${Math.round(waitMs / 1000)} s and carries on by itself.` }), waitMs);
      });
      try {
        return await Promise.race([outcome, stillRunning]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      poller?.stop();
      await options.hub?.close();
      await watcher?.close();
    },
  };
}
