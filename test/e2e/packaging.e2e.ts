// electron-builder --linux dir produces an app.asar with the built main, preload and
// renderer and their licence notices, and a binary whose fuses are burnt as
// electron-builder.yml says. Needs a local Electron distribution (electronDist); skips
// without one, saying how to get it.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { expect, test } from '@playwright/test';
import { NO_ELECTRON_MESSAGE, findLocalElectron } from '../support/electron-binary.ts';
import { configuredFuses, fuseMismatches } from '../support/fuses.ts';
import { repo } from './fixtures.ts';

const local = findLocalElectron();

test('electron-builder --linux dir packs main, preload and renderer with their licence notices into app.asar, and burns the fuses', async () => {
  test.skip(!local, NO_ELECTRON_MESSAGE);
  test.setTimeout(300_000);
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-package-'));
  try {
    await promisify(execFile)(
      path.join(repo, 'node_modules', '.bin', 'electron-builder'),
      ['--linux', 'dir', `-c.electronDist=${local!.dist}`, `-c.directories.output=${out}`],
      { cwd: repo, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 64 * 1024 * 1024 },
    );
    const asar = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.split(path.sep).join('/'));
    expect(files).toContain('/dist/main/main.cjs');
    expect(files).toContain('/dist/preload/preload.cjs');
    expect(files).toContain('/dist/renderer/index.html');
    expect(files.some((f) => f.startsWith('/node_modules/'))).toBe(false);
    expect(files).toContain('/dist/renderer/THIRD_PARTY_NOTICES.txt');
    expect(files).toContain('/dist/main/THIRD_PARTY_NOTICES.txt');
    // Electron's own notices (Chromium's and its own licence) come with its distribution.
    await fs.access(path.join(out, 'linux-unpacked', 'LICENSES.chromium.html'));
    expect(await fuseMismatches(path.join(out, 'linux-unpacked', 'shopfront-kiosk'), await configuredFuses(repo))).toEqual([]);
    await fs.access(path.join(out, 'linux-unpacked', 'resources', 'packs', 'demo.kpack'));
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
});
