// The Electron glue of "never a blank screen": holds the display awake while the kiosk
// runs (checked again every half minute, in case something released it), and restarts
// the app once a night at display.nightlyRestartAt, between shoppers. The decisions are
// display-awake.ts and nightly-restart.ts.
import type { KioskSettings } from '../../common/kiosk-settings.ts';
import { DisplayAwake, shouldKeepDisplayAwake, type PowerSaveBlockerLike } from './display-awake.ts';
import { nightlyRestartDecision } from './nightly-restart.ts';

const EVERY_MS = 30_000;

export interface StartUnattendedOptions {
  powerSaveBlocker: PowerSaveBlockerLike;
  display: KioskSettings['display'];
  /** A development window (KIOSK_WINDOW) does not hold the developer's screen awake. */
  windowed: boolean;
  timeZone: string;
  startedAt: number;
  session: () => { state: 'idle' | 'active'; since: number };
  restart: (why: string) => void;
  log: (line: string) => void;
}

export function startUnattended(o: StartUnattendedOptions): { stop(): void } {
  const awake = new DisplayAwake(o.powerSaveBlocker, o.log);
  const keepAwake = shouldKeepDisplayAwake({ preventSleep: o.display.preventSleep, windowed: o.windowed });
  if (keepAwake) awake.hold();
  else o.log(o.display.preventSleep ? 'development window: the display may sleep' : 'display.preventSleep is off: the display may sleep');
  if (o.display.nightlyRestartAt) o.log(`the app restarts every night at ${o.display.nightlyRestartAt} (${o.timeZone}), between shoppers`);
  const timer = setInterval(() => {
    if (keepAwake) awake.hold();
    const at = o.display.nightlyRestartAt;
    if (!at) return;
    const session = o.session();
    const decision = nightlyRestartDecision({ at, timeZone: o.timeZone, now: Date.now(), startedAt: o.startedAt, session: session.state, sessionSince: session.since });
    if (decision.restart) o.restart(`for the nightly restart (${at} ${o.timeZone})`);
  }, EVERY_MS);
  return {
    stop: () => {
      clearInterval(timer);
      awake.release();
    },
  };
}
