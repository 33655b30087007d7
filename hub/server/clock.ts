// The hub's sense of time, injected: the system clock when it runs, a clock a test moves
// by hand when it checks alerts against opening hours.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until told to move. */
export function manualClock(start: number): Clock & { set(at: number): void; advance(ms: number): void } {
  let at = start;
  return {
    now: () => at,
    set: (next) => void (at = next),
    advance: (ms) => void (at += ms),
  };
}
