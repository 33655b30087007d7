// The real Electron app: window security, CSP, the exposed API, attract → home.
// Needs the Electron binary; skips with a clear message where it is absent.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { NO_ELECTRON_MESSAGE, findLocalElectron } from '../../support/electron-binary.ts';
import { repo, waitForAppEvent } from '../fixtures.ts';

const local = findLocalElectron();

test.describe('Electron kiosk app', () => {
  test.skip(!local, NO_ELECTRON_MESSAGE);

  test('runs sandboxed behind a strict CSP, exposes only KioskApi, and walks attract → home', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-electron-'));
    const app = await electron.launch({
      executablePath: local!.executable,
      args: [repo],
      env: { ...process.env, KIOSK_WINDOW: '1080x1920', KIOSK_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await waitForAppEvent(page, 'app-ready');

      // What main gave the window, as main recorded it when it created the window.
      const prefs = await app.evaluate(({ BrowserWindow }) => ({
        url: BrowserWindow.getAllWindows()[0]!.webContents.getURL(),
        webPreferences: (globalThis as { kioskWindowPreferences?: Record<string, unknown> }).kioskWindowPreferences,
        devToolsOpened: BrowserWindow.getAllWindows()[0]!.webContents.isDevToolsOpened(),
      }));
      expect(prefs.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false });
      expect(prefs.url).toBe('app://kiosk/index.html');
      expect(prefs.devToolsOpened).toBe(false);

      const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).not.toContain("'unsafe-eval'");
      const evalBlocked = await page.evaluate(() => {
        try {
          return (0, eval)('1') !== 1;
        } catch {
          return true;
        }
      });
      expect(evalBlocked).toBe(true);

      const exposed = await page.evaluate(() => ({
        keys: Object.keys(window.kiosk ?? {}).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed.require).toBe('undefined');
      expect(exposed.process).toBe('undefined');
      expect(exposed.keys).toContain('getDeviceIdentity');

      // Navigation away and new windows are refused.
      await page.evaluate(() => window.open('https://example.com'));
      expect(app.windows()).toHaveLength(1);

      await page.getByTestId('attract').click();
      await expect(page.getByTestId('tile-scan')).toContainText('扫码查商品');

      // A crashed renderer comes back by itself (a fresh page, without this marker).
      await page.evaluate(() => Object.assign(window, { beforeCrash: true }));
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
      await expect
        .poll(async () => page.evaluate(() => !('beforeCrash' in window) && !!window.__kioskTest?.events.some((e) => e.type === 'app-ready')).catch(() => false), { timeout: 30_000 })
        .toBe(true);
      await expect(page.getByTestId('attract')).toBeVisible();
    } finally {
      await app.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
