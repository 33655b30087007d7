// Finds a local Electron distribution without triggering a download (the electron
// package downloads on first require when its binary is missing).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface LocalElectron {
  /** The unpacked distribution folder (electron-builder's electronDist). */
  dist: string;
  executable: string;
}

export const NO_ELECTRON_MESSAGE =
  'Electron binary absent (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline). ' +
  'Run `npm install` with internet, or set ELECTRON_DIST to an unpacked Electron, to run this test.';

export function findLocalElectron(): LocalElectron | null {
  const pkgDir = path.join(repo, 'node_modules', 'electron');
  const dist = process.env.ELECTRON_DIST ?? path.join(pkgDir, 'dist');
  let relative: string | null = null;
  const pathFile = path.join(pkgDir, 'path.txt');
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim();
  const candidates = [
    relative ? path.join(dist, relative) : null,
    path.join(dist, 'electron'),
    path.join(dist, 'electron.exe'),
  ].filter((c): c is string => c !== null);
  const executable = candidates.find((c) => existsSync(c));
  return executable ? { dist, executable } : null;
}
