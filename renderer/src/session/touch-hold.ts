// A dialog that closes when it is touched must stay on screen until that touch is over.
// Closing it on touch-down hands the rest of the touch — the lift, and the click the
// browser makes of a tap — to whatever lies under it: "continue" on the idle countdown
// opened the games list, or pressed Done under a coupon.
//
// So a press on the dialog holds it: it stays until the press's click has gone to the
// dialog itself, or, when no click follows (the finger slid away, the press was
// cancelled), a moment after the lift. Pure: the DOM wiring is in TheIdleCountdown.vue.

/** How long after the lift the click of a tap may still come (touch-action: manipulation makes it immediate). */
export const CLICK_GRACE_MS = 400;
/** A press held longer than this releases anyway: the dialog never stays for good. */
export const MAX_HOLD_MS = 10_000;

export interface HoldTimers {
  after(ms: number, fn: () => void): () => void;
}

export interface TouchHold {
  readonly held: boolean;
  /** A pointer went down on the dialog. */
  press(pointerId: number): void;
  /** A pointer went up (anywhere). */
  lift(pointerId: number): void;
  /** A pointer was cancelled (anywhere): no click will follow. */
  cancel(pointerId: number): void;
  /** A click reached the dialog. */
  click(): void;
  /** Releases now (the dialog's owner went away). */
  dispose(): void;
}

export function createTouchHold(timers: HoldTimers, onRelease: () => void): TouchHold {
  let pointer: number | null = null;
  let held = false;
  let cancelTimer: (() => void) | null = null;

  const schedule = (ms: number) => {
    cancelTimer?.();
    cancelTimer = timers.after(ms, release);
  };

  function release(): void {
    if (!held) return;
    held = false;
    pointer = null;
    cancelTimer?.();
    cancelTimer = null;
    onRelease();
  }

  return {
    get held() {
      return held;
    },
    press(pointerId) {
      if (held) return;
      held = true;
      pointer = pointerId;
      schedule(MAX_HOLD_MS);
    },
    lift(pointerId) {
      if (held && pointerId === pointer) schedule(CLICK_GRACE_MS);
    },
    cancel(pointerId) {
      if (held && pointerId === pointer) release();
    },
    click() {
      release();
    },
    dispose() {
      cancelTimer?.();
      cancelTimer = null;
      held = false;
      pointer = null;
    },
  };
}
