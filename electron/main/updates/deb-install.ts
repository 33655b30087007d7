// Installing a .deb update, and going back. dpkg needs root, so the kiosk user runs it
// through `sudo -n` (never a password prompt on an unattended screen); the operator
// allows exactly these commands in /etc/sudoers.d (README: "App updates"). The .deb of
// each version installed this way is kept in app-updates/installed/; at the next update
// it becomes the way back (app-updates/previous/). A version installed by hand has no
// .deb kept, so the first update after it has no way back, and says so.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The command that installs (or, with an older package, downgrades to) a .deb. */
export function dpkgInstallCommand(deb: string): { file: string; args: string[] } {
  return { file: 'sudo', args: ['-n', '/usr/bin/dpkg', '-i', deb] };
}

export type RunCommand = (file: string, args: string[]) => Promise<{ ok: boolean; output: string }>;

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 10 * 60_000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ ok: !err, output: `${stdout}${stderr}`.trim().slice(-1000) });
    });
  });

/** Moves the running version's kept .deb (if any) to previous/; its path, or null. */
export async function keepPreviousDeb(installedDir: string, previousDir: string): Promise<string | null> {
  const kept = (await fs.readdir(installedDir).catch(() => [] as string[])).filter((n) => n.endsWith('.deb'));
  await fs.rm(previousDir, { recursive: true, force: true });
  if (kept.length === 0) return null;
  await fs.mkdir(previousDir, { recursive: true });
  const target = path.join(previousDir, kept[0]!);
  await fs.rename(path.join(installedDir, kept[0]!), target);
  return target;
}

/** Installs a downloaded .deb with dpkg and keeps it as the running version's package. */
export async function installDeb(downloaded: string, installedDir: string, run: RunCommand = runCommand): Promise<{ ok: boolean; message: string; kept: string }> {
  await fs.rm(installedDir, { recursive: true, force: true });
  await fs.mkdir(installedDir, { recursive: true });
  const kept = path.join(installedDir, path.basename(downloaded));
  await fs.copyFile(downloaded, kept);
  const { file, args } = dpkgInstallCommand(kept);
  const result = await run(file, args);
  return { ok: result.ok, message: result.ok ? 'installed with dpkg' : `dpkg could not install it: ${result.output || 'no output'}`, kept };
}

/** After dpkg refused an update: the running version's package (moved to previous/) is its own again. */
export async function restoreInstalledDeb(installedDir: string, previous: string | null): Promise<void> {
  await fs.rm(installedDir, { recursive: true, force: true });
  if (!previous) return;
  await fs.mkdir(installedDir, { recursive: true });
  await fs.rename(previous, path.join(installedDir, path.basename(previous)));
}

/** Installs the kept previous .deb again (dpkg downgrades to it). */
export async function restoreDeb(previous: string, run: RunCommand = runCommand): Promise<{ ok: boolean; message: string }> {
  const { file, args } = dpkgInstallCommand(previous);
  const result = await run(file, args);
  return { ok: result.ok, message: result.ok ? 'previous package installed again with dpkg' : `dpkg could not install the previous package: ${result.output || 'no output'}` };
}
