// Notices *.kpack files that appear in watched folders (a USB stick's mount point, a
// shared folder) and reports each once its size has stopped changing. A folder that
// does not exist yet — a stick not plugged in — is watched from the moment it appears,
// and again after it was unplugged and plugged back.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface FolderWatcherOptions {
  folders: readonly string[];
  /** Called once per new or changed pack file, after it stopped growing. */
  onPack: (file: string, info: { size: number; mtimeMs: number }) => void;
  /** How long the size must stay the same (slow USB copies need a few seconds). */
  stableMs?: number;
  /** How often to look for folders that are missing (unmounted). */
  mountCheckMs?: number;
  /** Poll instead of using file-system events (network shares, some USB file systems). */
  usePolling?: boolean;
  onError?: (error: unknown) => void;
}

export interface FolderWatcher {
  /** Resolves when the folders present at the start have been scanned. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Pack files, but not the "._name.kpack" twins macOS writes onto USB sticks. */
export const isPackFile = (file: string): boolean => {
  const name = path.basename(file);
  return name.toLowerCase().endsWith('.kpack') && !name.startsWith('.');
};

const isDirectory = async (dir: string) => (await stat(dir).catch(() => null))?.isDirectory() === true;

export function watchPackFolders(options: FolderWatcherOptions): FolderWatcher {
  const stableMs = options.stableMs ?? 2000;
  const reported = new Map<string, string>();
  const watched = new Set<string>();
  const watcher: FSWatcher = watch([], {
    ignoreInitial: false,
    depth: 2,
    followSymlinks: false,
    usePolling: options.usePolling ?? false,
    interval: Math.max(100, Math.floor(stableMs / 4)),
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.max(50, Math.floor(stableMs / 10)) },
    ignored: (file, stats) => stats?.isFile() === true && !isPackFile(file),
  });
  const report = async (file: string) => {
    if (!isPackFile(file)) return;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return;
    const fingerprint = `${info.size}:${info.mtimeMs}`;
    if (reported.get(file) === fingerprint) return;
    reported.set(file, fingerprint);
    options.onPack(file, { size: info.size, mtimeMs: info.mtimeMs });
  };
  watcher.on('add', (file) => void report(file));
  watcher.on('change', (file) => void report(file));
  watcher.on('unlink', (file) => reported.delete(file));
  watcher.on('error', (error) => options.onError?.(error));

  /** Starts watching folders that appeared and forgets folders that went away. */
  const checkMounts = async () => {
    for (const folder of options.folders) {
      const present = await isDirectory(folder);
      if (present && !watched.has(folder)) {
        watched.add(folder);
        watcher.add(folder);
      } else if (!present && watched.has(folder)) {
        watched.delete(folder);
        await watcher.unwatch(folder);
        for (const file of reported.keys()) if (file.startsWith(folder + path.sep)) reported.delete(file);
      }
    }
  };
  const ready = checkMounts().then(() => (watched.size ? new Promise<void>((resolve) => watcher.once('ready', () => resolve())) : undefined));
  const timer = setInterval(() => void checkMounts().catch(options.onError), options.mountCheckMs ?? 2000);
  timer.unref();
  return {
    ready,
    close: async () => {
      clearInterval(timer);
      await watcher.close();
    },
  };
}
