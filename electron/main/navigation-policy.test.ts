import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './security-policy.ts';
import { denyWindowOpen, refuseForeignNavigation, refuseWebview } from './navigation-policy.ts';

/** Runs a navigation listener the way Electron does and says whether it went ahead. */
function navigates(url: string): boolean {
  let prevented = false;
  refuseForeignNavigation({ preventDefault: () => void (prevented = true) }, url);
  return !prevented;
}

describe('navigation lockdown', () => {
  it('lets the kiosk move between its own pages', () => {
    expect(navigates(APP_ENTRY_URL)).toBe(true);
    expect(navigates('app://kiosk/index.html#/product/06901234560015')).toBe(true);
  });

  it('refuses to leave the app: the web, local files, other app hosts and script URLs', () => {
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5173/index.html',
      'file:///etc/passwd',
      'file:///opt/Shopfront%20Kiosk/resources/app.asar/dist/renderer/index.html',
      'app://other/index.html',
      'pack://active/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>hi</h1>',
      'chrome://gpu',
      'not a url',
    ]) {
      expect(navigates(url), url).toBe(false);
    }
  });

  it('answers every window.open and target=_blank with deny', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('never attaches a <webview>', () => {
    let prevented = false;
    refuseWebview({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(true);
  });
});
