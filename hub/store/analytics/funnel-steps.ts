// The steps of a shopper session's funnel, one bit each in shopper_sessions.steps, and
// the funnel_hourly column each one counts in.
export const STEPS = {
  session: 1,
  home: 2,
  scan: 4,
  play: 8,
  offers: 16,
  game_finished: 32,
  coupon_issued: 64,
  coupon_redeemed: 128,
} as const;

export type Step = keyof typeof STEPS;
export const STEP_NAMES = Object.keys(STEPS) as Step[];

/** The steps in `bits`. */
export const stepsIn = (bits: number): Step[] => STEP_NAMES.filter((s) => (bits & STEPS[s]) !== 0);

/** The funnel_hourly column a step counts in. */
export const stepColumn = (step: Step) => (step === 'session' ? 'sessions' : step);

/** Dwell-time buckets (upper bounds, ms); the last one is open-ended. */
export const DWELL_BUCKETS_MS = [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, Infinity] as const;
export const dwellBucket = (ms: number) => DWELL_BUCKETS_MS.findIndex((limit) => ms < limit);
