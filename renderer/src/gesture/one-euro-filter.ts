// The One Euro filter (Casiez, Roussel, Vogel, CHI 2012): a low-pass filter whose
// cut-off rises with speed, so a still hand gives a steady cursor and a moving hand a
// responsive one. minCutoff sets the jitter at rest (lower = steadier), beta how fast
// the lag disappears when moving (higher = more responsive).

export interface OneEuroOptions {
  /** Hz */
  minCutoff: number;
  beta: number;
  /** Hz, for the speed estimate */
  dCutoff: number;
}

export const DEFAULT_ONE_EURO: OneEuroOptions = { minCutoff: 0.8, beta: 8, dCutoff: 2 };

const alpha = (cutoff: number, dtSec: number) => {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dtSec);
};

export class OneEuroFilter {
  private x: number | null = null;
  private dx = 0;
  private lastT = 0;

  constructor(private readonly options: OneEuroOptions = DEFAULT_ONE_EURO) {}

  /** Filters `value` observed at `tMs`; the first value passes through. */
  filter(value: number, tMs: number): number {
    if (this.x === null || tMs <= this.lastT) {
      if (this.x === null) this.x = value;
      this.lastT = Math.max(this.lastT, tMs);
      return this.x;
    }
    const dt = (tMs - this.lastT) / 1000;
    this.lastT = tMs;
    const rawDx = (value - this.x) / dt;
    this.dx += alpha(this.options.dCutoff, dt) * (rawDx - this.dx);
    const cutoff = this.options.minCutoff + this.options.beta * Math.abs(this.dx);
    this.x += alpha(cutoff, dt) * (value - this.x);
    return this.x;
  }

  reset(): void {
    this.x = null;
    this.dx = 0;
    this.lastT = 0;
  }
}

/** Two One Euro filters for a 2-D point. */
export class OneEuroFilter2D {
  private readonly fx: OneEuroFilter;
  private readonly fy: OneEuroFilter;
  constructor(options: OneEuroOptions = DEFAULT_ONE_EURO) {
    this.fx = new OneEuroFilter(options);
    this.fy = new OneEuroFilter(options);
  }
  filter(p: { x: number; y: number }, tMs: number): { x: number; y: number } {
    return { x: this.fx.filter(p.x, tMs), y: this.fy.filter(p.y, tMs) };
  }
  reset(): void {
    this.fx.reset();
    this.fy.reset();
  }
}
