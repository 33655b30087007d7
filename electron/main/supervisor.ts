// Keeps the renderer alive for months: reloads it after a crash or a hang with growing
// delays, shows a local fallback screen after repeated crashes, and never gives up.

export interface SupervisorActions {
  /** Load the kiosk renderer again. */
  reload(): void;
  /** Show the local "back in a moment" screen. */
  showFallback(): void;
  /** Kill a renderer that stopped responding, so it can be reloaded. */
  killHung(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SUPERVISOR_POLICY = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  /** Crashes in a row (without a stable run between) before the fallback screen shows. */
  fallbackAfter: 3,
  /** A renderer that ran this long without crashing resets the streak. */
  stableMs: 2 * 60_000,
  /** How long an unresponsive renderer gets to recover by itself. */
  hangGraceMs: 10_000,
} as const;

export type SupervisorPolicy = { -readonly [K in keyof typeof SUPERVISOR_POLICY]: number };

/** Why the renderer is being reloaded: its process died, it hung, or the page did not load. */
export type GoneCause = 'crash' | 'hang' | 'load-failed';

export class Supervisor {
  private streak = 0;
  private restarts = 0;
  private crashes = 0;
  private pendingCause: GoneCause = 'crash';
  /** A hung renderer is being killed: the process-gone signal that follows is the hang, not a crash. */
  private killingHung = false;
  private readySince: number | null = null;
  private pendingReload: unknown = null;
  private hangTimer: unknown = null;

  constructor(
    private readonly actions: SupervisorActions,
    private readonly clock: Clock,
    private readonly policy: SupervisorPolicy = { ...SUPERVISOR_POLICY },
  ) {}

  get restartCount(): number {
    return this.restarts;
  }

  /** Of the restarts, how many followed a crash (the render process died by itself). */
  get crashCount(): number {
    return this.crashes;
  }

  get crashStreak(): number {
    return this.streak;
  }

  /** Loads the screen again now, at someone's request (a hub command): not a failure, not counted. */
  reloadNow(): void {
    this.clearHangTimer();
    if (this.pendingReload !== null) this.clock.clearTimeout(this.pendingReload);
    this.pendingReload = null;
    this.readySince = null;
    this.actions.reload();
  }

  /** The renderer reported it started. */
  rendererReady(): void {
    this.readySince = this.clock.now();
  }

  /** The render process died (crash, OOM, killed), or the page failed to load. */
  rendererGone(cause: GoneCause = 'crash'): void {
    this.clearHangTimer();
    if (this.pendingReload !== null) return; // one restart per failure, however many signals
    this.pendingCause = this.killingHung ? 'hang' : cause;
    this.killingHung = false;
    if (this.readySince !== null && this.clock.now() - this.readySince >= this.policy.stableMs) this.streak = 0;
    this.readySince = null;
    this.streak += 1;
    if (this.streak >= this.policy.fallbackAfter) this.actions.showFallback();
    const delay = Math.min(this.policy.baseDelayMs * 2 ** (this.streak - 1), this.policy.maxDelayMs);
    this.pendingReload = this.clock.setTimeout(() => {
      this.pendingReload = null;
      this.restarts += 1;
      if (this.pendingCause === 'crash') this.crashes += 1;
      this.actions.reload();
    }, delay);
  }

  /** The renderer stopped answering; give it a grace period before treating it as gone. */
  rendererUnresponsive(): void {
    if (this.hangTimer !== null || this.pendingReload !== null) return;
    this.hangTimer = this.clock.setTimeout(() => {
      this.hangTimer = null;
      this.killingHung = true;
      this.actions.killHung();
      this.rendererGone('hang');
    }, this.policy.hangGraceMs);
  }

  /**
   * The screen stopped drawing while shown (the freeze detector gave it its time already):
   * handled as a hang whose grace has run out — killed, and reloaded on the hang's path.
   */
  rendererFrozen(): void {
    if (this.pendingReload !== null) return;
    this.clearHangTimer();
    this.killingHung = true;
    this.actions.killHung();
    this.rendererGone('hang');
  }

  rendererResponsive(): void {
    this.clearHangTimer();
  }

  dispose(): void {
    this.clearHangTimer();
    if (this.pendingReload !== null) this.clock.clearTimeout(this.pendingReload);
    this.pendingReload = null;
  }

  private clearHangTimer(): void {
    if (this.hangTimer !== null) this.clock.clearTimeout(this.hangTimer);
    this.hangTimer = null;
  }
}
