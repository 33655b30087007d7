// When a downloaded update may be installed: only between shoppers (the attract screen,
// nobody at the kiosk for a little while), and, when kiosk.json sets a night window, only
// inside it. Pure: the caller passes the clock and the session.
import { insideWindow } from '../unattended/local-time.ts';

/** The screen must have been free of shoppers this long before an install cuts it off for a restart. */
export const INSTALL_IDLE_MS = 60_000;

export interface InstallInput {
  now: number;
  session: 'idle' | 'active';
  /** When the session last changed, epoch ms. */
  sessionSince: number;
  nightWindow: { from: string; to: string } | undefined;
  timeZone: string;
}

export type InstallDecision = { install: true } | { install: false; waitingFor: 'shopper' | 'night-window'; message: string };

export function installDecision(i: InstallInput): InstallDecision {
  if (i.session === 'active' || i.now - i.sessionSince < INSTALL_IDLE_MS) {
    return { install: false, waitingFor: 'shopper', message: 'Ready: installs when nobody is using the screen.' };
  }
  if (i.nightWindow && !insideWindow(i.now, i.nightWindow, i.timeZone)) {
    return { install: false, waitingFor: 'night-window', message: `Ready: installs between shoppers in the night window ${i.nightWindow.from}–${i.nightWindow.to} (${i.timeZone}).` };
  }
  return { install: true };
}
