// Installing an AppImage update, and going back. The AppImage systemd starts (its path
// is APPIMAGE) is replaced in one rename, so a power cut leaves the old file or the new
// one, never none: the new file is copied beside it first and renamed over it. Before
// that, the running version is kept in app-updates/previous/ (a hard link when the data
// folder is on the same disk: no copy, no space). Going back renames the kept copy over
// the target the same way. The running process keeps its own file open; the next start
// runs whatever the path holds.
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

async function placeAtomically(source: string, target: string, how: 'copy' | 'move'): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await fs.rm(temp, { force: true });
  if (how === 'copy') await fs.copyFile(source, temp, constants.COPYFILE_FICLONE);
  else {
    await fs.rename(source, temp).catch(async () => {
      await fs.copyFile(source, temp);
      await fs.rm(source, { force: true });
    });
  }
  await fs.chmod(temp, 0o755);
  const handle = await fs.open(temp, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, target);
}

/** Keeps the running AppImage in `previousDir` (hard link, or a copy across disks); its path. */
export async function keepPreviousAppImage(current: string, previousDir: string): Promise<string> {
  await fs.rm(previousDir, { recursive: true, force: true });
  await fs.mkdir(previousDir, { recursive: true });
  const kept = path.join(previousDir, path.basename(current));
  await fs.link(current, kept).catch(() => fs.copyFile(current, kept));
  return kept;
}

/** Puts a downloaded AppImage at the target path in one rename; the previous file must already be kept. */
export async function installAppImage(downloaded: string, target: string): Promise<void> {
  await placeAtomically(downloaded, target, 'copy');
}

/** Puts the kept previous AppImage back at the target path in one rename. */
export async function restoreAppImage(previous: string, target: string): Promise<void> {
  await fs.access(previous);
  await placeAtomically(previous, target, 'copy');
}
