// The one kiosk window: full screen, no menu, no way to navigate away, reloaded by the
// supervisor when its renderer dies or hangs.
import { BrowserWindow, Menu } from 'electron';
import { APP_ENTRY_URL, isBlockedShortcut, kioskWebPreferences } from './security-policy.ts';
import { Supervisor } from './supervisor.ts';

export interface KioskWindowOptions {
  preload: string;
  fallbackHtml: string;
  devTools: boolean;
  /** "1080x1920" runs in a normal window of that size (development, tests); otherwise kiosk mode. */
  windowed: string | undefined;
  log: (message: string) => void;
}

export interface KioskWindow {
  window: BrowserWindow;
  supervisor: Supervisor;
  allowClose(): void;
}

export function createKioskWindow(options: KioskWindowOptions): KioskWindow {
  Menu.setApplicationMenu(null);
  const size = /^(\d+)x(\d+)$/.exec(options.windowed ?? '');
  const webPreferences = kioskWebPreferences(options.preload, { devTools: options.devTools });
  // Recorded so the Electron end-to-end test can check what the window was given.
  (globalThis as { kioskWindowPreferences?: unknown }).kioskWindowPreferences = webPreferences;
  const window = new BrowserWindow({
    show: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    ...(size
      ? { width: Number(size[1]), height: Number(size[2]), useContentSize: true }
      : { kiosk: true, fullscreen: true, frame: false }),
    webPreferences,
  });
  window.setMenu(null);
  let closeAllowed = false;
  window.on('close', (event) => {
    if (!closeAllowed) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  const loadApp = () => void contents.loadURL(APP_ENTRY_URL).catch((err) => options.log(`load failed: ${String(err)}`));
  const supervisor = new Supervisor(
    {
      reload: () => {
        options.log('supervisor: reloading the renderer');
        loadApp();
      },
      showFallback: () => {
        options.log('supervisor: repeated crashes, showing the fallback screen');
        void contents.loadFile(options.fallbackHtml).catch(() => undefined);
      },
      killHung: () => contents.forcefullyCrashRenderer(),
    },
    { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  );
  contents.on('render-process-gone', (_event, details) => {
    options.log(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    supervisor.rendererGone('crash');
  });
  contents.on('unresponsive', () => supervisor.rendererUnresponsive());
  contents.on('responsive', () => supervisor.rendererResponsive());
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== -3) {
      options.log(`load of ${url} failed: ${description} (${code})`);
      supervisor.rendererGone('load-failed');
    }
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (!options.devTools) contents.closeDevTools();
  });
  loadApp();
  return { window, supervisor, allowClose: () => void (closeAllowed = true) };
}
