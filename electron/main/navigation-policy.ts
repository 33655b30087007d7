// What the kiosk's web contents may navigate to and open: only the app's own pages;
// never a new window or a <webview>. Plain functions, so main.ts only attaches them.
import { isAppUrl } from './security-policy.ts';

/** The part of Electron's navigation events these listeners use. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A link, a redirect or script may move the renderer only within the app origin. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** For will-navigate and will-redirect: stops anything that would leave the app. */
export function refuseForeignNavigation(event: PreventableEvent, url: string): void {
  if (!isNavigationAllowed(url)) event.preventDefault();
}

/** For will-attach-webview: a <webview> would be a browser inside the kiosk. */
export function refuseWebview(event: PreventableEvent): void {
  event.preventDefault();
}

/** For setWindowOpenHandler: window.open and target=_blank never open anything. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}
