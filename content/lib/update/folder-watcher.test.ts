import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { isPackFile, watchPackFolders, type FolderWatcher } from './folder-watcher.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let watcher: FolderWatcher | undefined;
beforeEach(async () => (tmp = await makeTempDir('kiosk-watch-')));
afterEach(async () => {
  await watcher?.close();
  await tmp.remove();
});

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('watching folders for pack files', () => {
  it('tells pack files from the rest', () => {
    expect(['/usb/a.kpack', '/usb/B.KPACK', '/usb/._a.kpack', '/usb/a.zip', '/usb/a.kpack.part'].map(isPackFile)).toEqual([true, true, false, false, false]);
  });

  it('reports packs already there and new ones once their size is stable, once each', async () => {
    const usb = path.join(tmp.dir, 'usb');
    await mkdir(path.join(usb, 'packs'), { recursive: true });
    await writeFile(path.join(usb, 'old.kpack'), 'x'.repeat(10));
    await writeFile(path.join(usb, 'notes.txt'), 'ignore me');
    const seen: { file: string; size: number }[] = [];
    watcher = watchPackFolders({ folders: [usb], stableMs: 300, onPack: (file, info) => seen.push({ file, size: info.size }) });
    await watcher.ready;
    const growing = path.join(usb, 'packs', 'new.kpack');
    await writeFile(growing, 'a'.repeat(1000));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await appendFile(growing, 'b'.repeat(1000));
    }
    await writeFile(path.join(usb, '._new.kpack'), 'mac junk');
    await waitFor(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 600));
    expect(seen.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: path.join(usb, 'old.kpack'), size: 10 },
      { file: growing, size: 4000 },
    ]);
  });

  it('notices a folder that appears later, like a USB stick being mounted', async () => {
    const mount = path.join(tmp.dir, 'media', 'usb0');
    const seen: string[] = [];
    watcher = watchPackFolders({ folders: [mount], stableMs: 200, mountCheckMs: 100, onPack: (file) => seen.push(file) });
    await watcher.ready;
    await mkdir(mount, { recursive: true });
    await writeFile(path.join(mount, 'store.kpack'), 'pack');
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([path.join(mount, 'store.kpack')]);
    // Unplugged, then plugged in again with the same file: reported again.
    await rm(mount, { recursive: true });
    await new Promise((r) => setTimeout(r, 300));
    await mkdir(mount, { recursive: true });
    await writeFile(path.join(mount, 'store.kpack'), 'pack');
    await waitFor(() => seen.length === 2);
  });
});
