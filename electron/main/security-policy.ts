// The Electron security checklist as data and small decisions, so they are unit
// tested here and applied by the thin glue in window.ts.

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const PACK_SCHEME = 'pack';
export const PACK_ORIGIN = `${PACK_SCHEME}://active`;

export function kioskWebPreferences(preload: string, options: { devTools: boolean }) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
    backgroundThrottling: false,
    autoplayPolicy: 'no-user-gesture-required' as const,
  };
}

/** True for a URL the kiosk's own renderer is loaded from. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export interface PermissionQuery {
  permission: string;
  requestingUrl: string;
  /** For 'media': which devices are asked for. */
  mediaTypes?: readonly string[];
  /** For permission checks: 'video' | 'audio' | 'unknown'. */
  mediaType?: string;
}

/**
 * Deny by default. The kiosk's own page may use the camera (barcodes, gestures);
 * nothing may use the microphone, location, notifications or anything else.
 */
export function isPermissionAllowed(q: PermissionQuery): boolean {
  if (!isAppUrl(q.requestingUrl)) return false;
  // WebHID as such; which devices is decided by isDeviceAllowed.
  if (q.permission === 'hid') return true;
  if (q.permission !== 'media') return false;
  if (q.mediaTypes) return q.mediaTypes.length > 0 && q.mediaTypes.every((t) => t === 'video');
  return q.mediaType === 'video';
}

/** The HID usage page of barcode scanners in HID-POS mode. */
export const HID_POS_USAGE_PAGE = 0x8c;

/** Only barcode scanners in HID-POS mode, and only for the kiosk's own page. */
export function isDeviceAllowed(q: { deviceType: string; origin: string; usagePages: readonly number[] }): boolean {
  return q.deviceType === 'hid' && isAppUrl(q.origin) && q.usagePages.includes(HID_POS_USAGE_PAGE);
}

/** Keys that would reload, open devtools or zoom the kiosk; the renderer never sees them. */
export function isBlockedShortcut(input: { key: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (key === 'f5' || key === 'f11' || key === 'f12') return true;
  if (mod && (key === 'r' || key === 'w' || key === 'q' || key === 'p' || key === 'n' || key === 'o' || key === 's')) return true;
  if (mod && input.shift && (key === 'i' || key === 'j' || key === 'c')) return true;
  if (mod && (key === '+' || key === '-' || key === '=' || key === '0')) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'f4')) return true;
  return false;
}
