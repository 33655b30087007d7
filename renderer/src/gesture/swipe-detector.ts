// Swipe: the whole hand (palm centre, not a fingertip) sweeping sideways — at least
// `minTravel` of the image width, at `minSpeed` or faster, mostly horizontal and
// without turning back. Someone aiming the cursor moves at most about 0.35 image widths
// a second, so pointing never swipes. Speed, not a fixed window, decides, so a kiosk
// that analyses only a few frames a second still sees the same swipes. After a swipe
// the detector rests for `cooldownMs` and needs fresh movement: one sweep, one swipe.

export interface SwipeOptions {
  minTravel: number;
  /** Image widths per second. */
  minSpeed: number;
  /** The sweep is measured over at most this long. */
  maxDurationMs: number;
  /** Vertical drift allowed, as a fraction of the horizontal travel. */
  maxSlope: number;
  /** Backward movement tolerated inside the sweep (image widths). */
  maxBacktrack: number;
  cooldownMs: number;
}

export const DEFAULT_SWIPE: SwipeOptions = { minTravel: 0.22, minSpeed: 0.55, maxDurationMs: 700, maxSlope: 0.5, maxBacktrack: 0.02, cooldownMs: 700 };

interface Sample {
  x: number;
  y: number;
  t: number;
}

/** +1: towards larger x of the image, -1: towards smaller x. */
export type SwipeSign = 1 | -1;

export class SwipeDetector {
  private samples: Sample[] = [];
  private restUntil = -Infinity;

  constructor(private readonly options: SwipeOptions = DEFAULT_SWIPE) {}

  /** Feeds the palm centre in image coordinates (y scaled to x units by the caller's aspect). */
  update(p: { x: number; y: number } | null, t: number): SwipeSign | null {
    if (!p) {
      this.samples = [];
      return null;
    }
    const o = this.options;
    this.samples.push({ x: p.x, y: p.y, t });
    while (this.samples.length > 0 && t - this.samples[0]!.t > o.maxDurationMs) this.samples.shift();
    if (t < this.restUntil) return null;

    const now = this.samples.at(-1)!;
    // Walk back while the motion keeps one direction; any earlier point of that run may start the sweep.
    let sign = 0;
    let extreme = now.x;
    for (let i = this.samples.length - 2; i >= 0; i--) {
      const s = this.samples[i]!;
      const dx = now.x - s.x;
      if (sign === 0 && Math.abs(dx) > o.maxBacktrack) sign = Math.sign(dx);
      if (sign === 0) continue;
      // Going back in time the hand should keep receding from where it is now.
      if (sign * (extreme - s.x) < -o.maxBacktrack) break;
      extreme = sign > 0 ? Math.min(extreme, s.x) : Math.max(extreme, s.x);
      const travel = Math.abs(dx);
      const seconds = (now.t - s.t) / 1000;
      if (travel >= o.minTravel && travel / seconds >= o.minSpeed && Math.abs(now.y - s.y) <= o.maxSlope * travel) {
        this.samples = [];
        this.restUntil = t + o.cooldownMs;
        return dx > 0 ? 1 : -1;
      }
    }
    return null;
  }

  reset(): void {
    this.samples = [];
    this.restUntil = -Infinity;
  }
}
