// The one kiosk window: full screen, no menu, no way to navigate away, reloaded by the
// supervisor when its renderer dies, hangs or stops drawing while shown.
import { BrowserWindow, Menu } from 'electron';
import type { FrameTick } from '../common/kiosk-api.ts';
import { APP_ENTRY_URL, isBlockedShortcut, kioskWebPreferences } from './security-policy.ts';
import { Supervisor } from './supervisor.ts';
import { FreezeDetector } from './unattended/freeze-detector.ts';

/** How often main looks for a screen that stopped drawing. */
const FREEZE_CHECK_EVERY_MS = 5_000;

export interface KioskWindowOptions {
  preload: string;
  fallbackHtml: string;
  devTools: boolean;
  /** "1080x1920" runs in a normal window of that size (development, tests); otherwise kiosk mode. */
  windowed: string | undefined;
  log: (message: string) => void;
  /** A shown screen that draws no frame for this long is handled as hung (display.frozenAfterSec). */
  frozenAfterMs: number;
  /** The screen crashed, hung, froze or failed to load (an update on probation counts it). */
  onRendererGone?: () => void;
}

export interface KioskWindow {
  window: BrowserWindow;
  supervisor: Supervisor;
  /** The renderer's frame tick (KioskApi.reportFrame). */
  frameTick(tick: FrameTick): void;
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
  const gone = () => options.onRendererGone?.();
  contents.on('render-process-gone', (_event, details) => {
    options.log(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    supervisor.rendererGone('crash');
    gone();
  });
  // The freeze detector: main's own view of the window (shown, hidden, minimised) and each page load.
  const freeze = new FreezeDetector(options.frozenAfterMs);
  contents.on('did-start-loading', () => freeze.pageLoaded());
  const shown = (visible: boolean) => () => freeze.windowShown(Date.now(), visible && window.isVisible() && !window.isMinimized());
  window.on('show', shown(true));
  window.on('restore', shown(true));
  window.on('hide', shown(false));
  window.on('minimize', shown(false));
  const freezeTimer = setInterval(() => {
    if (!freeze.check(Date.now())) return;
    options.log(`supervisor: the screen drew no frame for ${Math.round(options.frozenAfterMs / 1000)} s while shown; handled as a hang`);
    supervisor.rendererFrozen();
    gone();
  }, FREEZE_CHECK_EVERY_MS);
  window.on('closed', () => clearInterval(freezeTimer));
  contents.on('unresponsive', () => supervisor.rendererUnresponsive());
  contents.on('responsive', () => supervisor.rendererResponsive());
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame && code !== -3) {
      options.log(`load of ${url} failed: ${description} (${code})`);
      supervisor.rendererGone('load-failed');
      gone();
    }
  });
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    if (!options.devTools) contents.closeDevTools();
  });
  loadApp();
  return { window, supervisor, frameTick: (tick) => freeze.tick(Date.now(), tick.visible), allowClose: () => void (closeAllowed = true) };
}
