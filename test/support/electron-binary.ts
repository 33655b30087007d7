// Finds a local Electron distribution without triggering a download (Electron 45's
// package downloads its binary on first require, never at npm install).
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
  'Electron binary absent: Electron 45 does not download it at npm install, only on first use. ' +
  'With internet and Node 22.12 or newer, run `npx install-electron` once (it unpacks Electron into node_modules/electron/dist; ' +
  'set ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ to use a mirror), or set ELECTRON_DIST to an unpacked Electron 45, then run this test again: ' +
  'npx playwright test --config test/e2e/playwright.config.ts electron/ packaging --project kiosk';

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
