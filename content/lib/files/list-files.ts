import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface ListedFiles {
  /** Regular files, as sorted forward-slash paths relative to the root. */
  files: string[];
  /** Symbolic links and other non-regular entries, which packs never contain. */
  skipped: string[];
}

/** Every regular file under `root` (recursively), sorted by code point for a deterministic order. */
export async function listFiles(root: string): Promise<ListedFiles> {
  const files: string[] = [];
  const skipped: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) files.push(child);
      else skipped.push(child);
    }
  }
  await walk('');
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byCodePoint), skipped: skipped.sort(byCodePoint) };
}
