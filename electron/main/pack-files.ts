// Pack files an admin can pick: *.kpack in the watched folders and on USB sticks, each
// under an opaque id so the renderer never hands the host a path.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PackFileCandidate } from '../common/pack-admin.ts';

/** Where desktop Linux mounts USB sticks for the kiosk user. */
export function usbMountRoots(user = os.userInfo().username): string[] {
  return process.platform === 'linux' ? [path.join('/media', user), path.join('/run/media', user), '/media'] : [];
}

const idOf = (file: string) => createHash('sha256').update(file).digest('hex').slice(0, 16);
const isPackName = (name: string) => name.toLowerCase().endsWith('.kpack') && !name.startsWith('.');

export class PackFileFinder {
  private known = new Map<string, string>();

  constructor(private readonly folders: () => string[]) {}

  /** Looks as deep as the folder watcher: a mount root, a stick, one folder on it. */
  async list(): Promise<PackFileCandidate[]> {
    const found: PackFileCandidate[] = [];
    const seen = new Set<string>();
    const visit = async (dir: string, depth: number): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isFile() && isPackName(entry.name) && !seen.has(full)) {
          seen.add(full);
          const info = await stat(full).catch(() => null);
          if (!info) continue;
          const id = idOf(full);
          this.known.set(id, full);
          found.push({ id, name: entry.name, folder: dir, size: info.size, modifiedAt: info.mtime.toISOString() });
        } else if (entry.isDirectory() && depth > 0 && !entry.name.startsWith('.')) {
          await visit(full, depth - 1);
        }
      }
    };
    for (const folder of this.folders()) await visit(folder, 2);
    return found.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  }

  /** The path behind an id handed out by list(), or null. */
  resolve(id: string): string | null {
    return this.known.get(id) ?? null;
  }
}
