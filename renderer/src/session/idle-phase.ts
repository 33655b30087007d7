// Where a shopper session stands, from the time of the last activity: in use, in the
// "still there?" countdown, or over — and how long "without a touch" is.

import { GAME_DURATION_MAX_SEC } from '../../../content/schema/game-config.ts';
import { COUPON_TIMEOUT_DEFAULT_SEC } from '../../../content/schema/kiosk-config.ts';

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; remainingSec: number } | { phase: 'expired' };

export function idlePhase(lastActivityAt: number, now: number, timeoutMs: number, warningMs: number): IdlePhase {
  const idleFor = Math.max(0, now - lastActivityAt);
  if (idleFor >= timeoutMs) return { phase: 'expired' };
  if (idleFor >= timeoutMs - warningMs) return { phase: 'warning', remainingSec: Math.ceil((timeoutMs - idleFor) / 1000) };
  return { phase: 'active' };
}

export interface IdleSettings {
  timeoutSec: number;
  warningSec: number;
  couponTimeoutSec?: number | undefined;
}

/** What the shopper is doing, as far as waiting for them goes. */
export type IdleContext = 'browsing' | 'playing' | 'coupon';

/**
 * The quiet time that ends a session.
 * - While a coupon shows, the shopper is saving it to their phone — unlocking it,
 *   opening an app, scanning, perhaps calling someone — and does not touch the screen
 *   meanwhile: the session waits the coupon timeout (three minutes unless the kiosk
 *   settings say otherwise, never less than the usual timeout), counted from the
 *   coupon's appearing or the last touch after it, and ends sooner only when the shopper
 *   presses Done or leaves the coupon, after which the usual timeout counts from that
 *   touch.
 * - While a game loads or plays, the shopper waits for it or watches it: on the weakest
 *   kiosk GPU a game can take seconds to appear, a wheel spins on its own after one tap,
 *   and its spin slows with the frames. The game ends by its
 *   own clock, and its result counts as activity; until then the session waits the
 *   usual timeout plus the longest a game may last, so that a game that never ends
 *   still cannot hold a session for ever.
 */
export function idleLimits(settings: IdleSettings, context: IdleContext): { timeoutMs: number; warningMs: number } {
  const timeoutSec =
    context === 'coupon'
      ? Math.max(settings.timeoutSec, settings.couponTimeoutSec ?? COUPON_TIMEOUT_DEFAULT_SEC)
      : context === 'playing'
        ? settings.timeoutSec + GAME_DURATION_MAX_SEC
        : settings.timeoutSec;
  return { timeoutMs: timeoutSec * 1000, warningMs: Math.min(settings.warningSec, timeoutSec - 1) * 1000 };
}
