// Where a shopper session stands, from the time of the last activity: in use, in the
// "still there?" countdown, or over — and how long "without a touch" is.

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

/**
 * The quiet time that ends a session. A shopper looking at a coupon is saving it to
 * their phone — unlocking it, opening an app, scanning, perhaps calling someone — and
 * does not touch the screen meanwhile: while a coupon shows, the session waits the
 * coupon timeout (three minutes unless the kiosk settings say otherwise, never less than
 * the usual timeout), counted from the coupon's appearing or the last touch after it,
 * and ends sooner only when the shopper presses Done or leaves the coupon, after which
 * the usual timeout counts from that touch.
 */
export function idleLimits(settings: IdleSettings, couponOnScreen: boolean): { timeoutMs: number; warningMs: number } {
  const timeoutSec = couponOnScreen ? Math.max(settings.timeoutSec, settings.couponTimeoutSec ?? COUPON_TIMEOUT_DEFAULT_SEC) : settings.timeoutSec;
  return { timeoutMs: timeoutSec * 1000, warningMs: Math.min(settings.warningSec, timeoutSec - 1) * 1000 };
}
