import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, HID_POS_USAGE_PAGE, isAppUrl, isBlockedShortcut, isDeviceAllowed, isPermissionAllowed, kioskWebPreferences } from './security-policy.ts';

describe('security policy', () => {
  it('runs the renderer sandboxed and isolated, without Node', () => {
    const prefs = kioskWebPreferences('/app/preload.cjs', { devTools: false });
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false, webviewTag: false });
  });

  it('lets only the kiosk page use the camera, and nothing else', () => {
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaTypes: ['video'] })).toBe(true);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaType: 'video' })).toBe(true);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: APP_ENTRY_URL, mediaType: 'audio' })).toBe(false);
    expect(isPermissionAllowed({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'serial', 'usb']) {
      expect(isPermissionAllowed({ permission: p, requestingUrl: APP_ENTRY_URL })).toBe(false);
    }
  });

  it('opens only HID-POS barcode scanners to the kiosk page, no other device', () => {
    expect(isDeviceAllowed({ deviceType: 'hid', origin: 'app://kiosk', usagePages: [HID_POS_USAGE_PAGE] })).toBe(true);
    expect(isDeviceAllowed({ deviceType: 'hid', origin: 'app://kiosk', usagePages: [0x01] })).toBe(false); // a keyboard
    expect(isDeviceAllowed({ deviceType: 'hid', origin: 'https://evil.example', usagePages: [HID_POS_USAGE_PAGE] })).toBe(false);
    expect(isDeviceAllowed({ deviceType: 'usb', origin: 'app://kiosk', usagePages: [HID_POS_USAGE_PAGE] })).toBe(false);
    expect(isPermissionAllowed({ permission: 'hid', requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it('recognises only the app origin as its own', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('swallows reload, devtools and zoom shortcuts', () => {
    const k = (key: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) =>
      isBlockedShortcut({ key, control: false, meta: false, alt: false, shift: false, ...mods });
    expect(k('F5')).toBe(true);
    expect(k('r', { control: true })).toBe(true);
    expect(k('I', { control: true, shift: true })).toBe(true);
    expect(k('=', { control: true })).toBe(true);
    expect(k('ArrowLeft', { alt: true })).toBe(true);
    expect(k('5')).toBe(false);
    expect(k('Enter')).toBe(false);
  });
});
