// Wave: an open hand (three or more fingers stretched) swinging from side to side —
// `minSwings` swings in a row, each at least `minAmplitude` of the image width and no
// slower than `maxSwingMs`, within `windowMs`. A pointing or pinching hand moving the
// cursor back and forth is not a wave, and neither is a slow drift.

export interface WaveOptions {
  minSwings: number;
  minAmplitude: number;
  maxSwingMs: number;
  windowMs: number;
  /** Share of the frames in the window that must show an open hand. */
  minOpenShare: number;
  cooldownMs: number;
}

export const DEFAULT_WAVE: WaveOptions = { minSwings: 3, minAmplitude: 0.04, maxSwingMs: 700, windowMs: 2000, minOpenShare: 0.7, cooldownMs: 2000 };

interface Extreme {
  x: number;
  t: number;
}

export class WaveDetector {
  private dir = 0;
  private last: Extreme | null = null;
  private candidate: Extreme | null = null;
  private swings: number[] = [];
  private frames: { t: number; open: boolean }[] = [];
  private restUntil = -Infinity;

  constructor(private readonly options: WaveOptions = DEFAULT_WAVE) {}

  /** Feeds the palm centre's x (image units) and whether the hand is open. True when a wave completes. */
  update(x: number | null, open: boolean, t: number): boolean {
    if (x === null) {
      this.reset(false);
      return false;
    }
    const o = this.options;
    this.frames.push({ t, open });
    while (this.frames.length > 0 && t - this.frames[0]!.t > o.windowMs) this.frames.shift();
    this.swings = this.swings.filter((s) => t - s <= o.windowMs);

    if (!this.last || !this.candidate) {
      this.last = this.candidate = { x, t };
      return false;
    }
    const c = this.candidate;
    if (this.dir === 0) {
      if (Math.abs(x - this.last.x) >= o.minAmplitude / 2) this.dir = Math.sign(x - this.last.x);
      if (this.dir !== 0) this.candidate = { x, t };
      return false;
    }
    if (this.dir * (x - c.x) > 0) {
      this.candidate = { x, t }; // still going the same way: the swing grows
      return false;
    }
    if (this.dir * (c.x - x) < o.minAmplitude / 2) return false; // not clearly turned yet
    // Turned: the swing last → candidate is complete.
    const amplitude = Math.abs(c.x - this.last.x);
    const duration = c.t - this.last.t;
    if (amplitude >= o.minAmplitude && duration <= o.maxSwingMs) this.swings.push(c.t);
    else this.swings = [];
    this.last = c;
    this.candidate = { x, t };
    this.dir = -this.dir;

    if (t < this.restUntil || this.swings.length < o.minSwings) return false;
    const openShare = this.frames.filter((f) => f.open).length / this.frames.length;
    if (openShare < o.minOpenShare) return false;
    this.restUntil = t + o.cooldownMs;
    this.swings = [];
    return true;
  }

  reset(clearCooldown = true): void {
    this.dir = 0;
    this.last = this.candidate = null;
    this.swings = [];
    this.frames = [];
    if (clearCooldown) this.restUntil = -Infinity;
  }
}
