// The optional nightly restart: once a night at display.nightlyRestartAt in the kiosk's
// time zone, only between shoppers. A shopper at the screen at that moment delays it
// until they leave; a night that stays busy for longer than RESTART_LATE_LIMIT_MS skips
// it. Pure: the caller passes the clock, the session and when the app started.
import { lastOccurrence, minutesOf } from './local-time.ts';

/** A restart still happens this long after its time, if shoppers kept the screen busy until then. */
export const RESTART_LATE_LIMIT_MS = 3 * 3_600_000;
/** The screen must have been free of shoppers this long. */
export const RESTART_IDLE_MS = 30_000;

export interface NightlyRestartInput {
  /** "HH:MM" */
  at: string;
  timeZone: string;
  now: number;
  /** When this run of the app started (epoch ms). */
  startedAt: number;
  session: 'idle' | 'active';
  /** When the session last changed (epoch ms). */
  sessionSince: number;
}

export type NightlyRestartDecision = { restart: true; due: number } | { restart: false; why: 'not-due' | 'shopper' | 'too-late' };

export function nightlyRestartDecision(i: NightlyRestartInput): NightlyRestartDecision {
  const due = lastOccurrence(i.now, minutesOf(i.at), i.timeZone);
  // This run started after tonight's time: it is the restart (or a later start), nothing to do.
  if (i.startedAt >= due) return { restart: false, why: 'not-due' };
  if (i.now - due > RESTART_LATE_LIMIT_MS) return { restart: false, why: 'too-late' };
  if (i.session === 'active' || i.now - i.sessionSince < RESTART_IDLE_MS) return { restart: false, why: 'shopper' };
  return { restart: true, due };
}
