// The demo pack that ships with the app, used until a merchandiser's pack is imported.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PackOnDisk } from './pack-switcher.ts';

export async function loadBundledPack(distDir: string): Promise<PackOnDisk | null> {
  const dir = path.join(distDir, 'packs', 'demo');
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as { packId: string; version: string };
    return { dir, packId: manifest.packId, version: manifest.version };
  } catch {
    return null;
  }
}
