// After an update the new version is on probation: it must show its screen (the
// supervisor's readiness signal) and keep it up for a moment within readyTimeoutSec of
// starting, or the kiosk goes back to the version it had. A version that keeps dying
// before it gets that far (main crashing, systemd starting it again) is gone back from
// after MAX_PROBATION_STARTS starts. Pure: the caller passes the clock and the facts.

/** What the kiosk writes down just before it restarts into a new version. */
export interface PendingUpdate {
  fromVersion: string;
  toVersion: string;
  /** How the new version was installed, so the way back is the same kind. */
  kind: 'appimage' | 'deb';
  /** The installed AppImage's path (the one systemd starts), or the .deb of the new version. */
  target: string;
  /** The previous version kept for the way back: an AppImage, or a .deb; null when none could be kept. */
  previous: string | null;
  installedAt: number;
  readyTimeoutSec: number;
  /** Starts of the new version so far. */
  starts: number;
  /** Set when the way back has been taken: the next start (of the old version) reports it. */
  rolledBack: { reason: string; at: number } | null;
}

export const MAX_PROBATION_STARTS = 3;
/** The screen must stay up this long after it said it is ready for the new version to be kept. */
export const PROBATION_SETTLE_MS = 30_000;

export type StartVerdict =
  /** Nothing was pending. */
  | { verdict: 'none' }
  /** The new version runs: on probation until `deadline`. */
  | { verdict: 'probation'; pending: PendingUpdate; deadline: number }
  /** The new version keeps dying before it is ready: go back now. */
  | { verdict: 'roll-back'; pending: PendingUpdate; reason: string }
  /** The old version runs again after the way back was taken: report it. */
  | { verdict: 'rolled-back'; pending: PendingUpdate; reason: string }
  /** The old version runs although the new one was installed: the install did not take. */
  | { verdict: 'install-failed'; pending: PendingUpdate; reason: string }
  /** Some other version runs (installed by hand): the record is stale. */
  | { verdict: 'stale'; pending: PendingUpdate };

/** What a start of the app means for a pending update; the returned `pending` is what to write back. */
export function verdictAtStart(pending: PendingUpdate | null, runningVersion: string, now: number): StartVerdict {
  if (!pending) return { verdict: 'none' };
  if (pending.rolledBack) {
    return runningVersion === pending.fromVersion
      ? { verdict: 'rolled-back', pending, reason: pending.rolledBack.reason }
      : { verdict: 'stale', pending };
  }
  if (runningVersion === pending.toVersion) {
    const next = { ...pending, starts: pending.starts + 1 };
    if (next.starts > MAX_PROBATION_STARTS) {
      return { verdict: 'roll-back', pending: next, reason: `${pending.toVersion} stopped ${MAX_PROBATION_STARTS} times before its screen was ready.` };
    }
    return { verdict: 'probation', pending: next, deadline: now + pending.readyTimeoutSec * 1000 };
  }
  if (runningVersion === pending.fromVersion) {
    return { verdict: 'install-failed', pending, reason: `${pending.toVersion} was installed but ${pending.fromVersion} started again: the install did not take.` };
  }
  return { verdict: 'stale', pending };
}

/** The new version's screen while on probation: ready since when, and whether it fell over since. */
export class Probation {
  private readySince: number | null = null;
  private settled = false;

  constructor(
    readonly pending: PendingUpdate,
    readonly deadline: number,
  ) {}

  /** The supervisor's readiness signal. */
  ready(now: number): void {
    this.readySince ??= now;
  }

  /** The screen crashed, hung or failed to load: readiness starts over. */
  gone(): void {
    this.readySince = null;
  }

  /** Keep the new version, go back, or wait. */
  decide(now: number): 'keep' | 'roll-back' | 'wait' {
    if (this.settled) return 'wait';
    if (this.readySince !== null && now - this.readySince >= PROBATION_SETTLE_MS) {
      this.settled = true;
      return 'keep';
    }
    // A screen that came up just before the deadline gets its moment to settle.
    if (now >= this.deadline && this.readySince === null) {
      this.settled = true;
      return 'roll-back';
    }
    return 'wait';
  }

  reason(): string {
    return `${this.pending.toVersion} did not show a working screen within ${this.pending.readyTimeoutSec} s of starting.`;
  }
}
