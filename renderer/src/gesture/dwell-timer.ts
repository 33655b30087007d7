// Dwell to click: holding the cursor still (within `radius`) over something that can be
// pressed fills a ring for `dwellMs`, then clicks once. The cursor must move away before
// the same spot can click again, so a hand resting on a button never repeats.

export interface DwellOptions {
  dwellMs: number;
  /** Screen fraction (of the width) the cursor may wander while dwelling. */
  radius: number;
  /** The ring appears only after this long, so passing over a button shows nothing. */
  showAfterMs: number;
}

export const DEFAULT_DWELL: DwellOptions = { dwellMs: 1200, radius: 0.03, showAfterMs: 250 };

export interface DwellState {
  /** 0–1 for the ring; 0 hides it. */
  progress: number;
  /** Where to click when it fires. */
  fired: { x: number; y: number } | null;
}

export class DwellTimer {
  private anchor: { x: number; y: number; t: number } | null = null;
  private spent = false;

  constructor(private readonly options: DwellOptions = DEFAULT_DWELL) {}

  /**
   * Feeds the cursor (screen 0–1, `aspect` = screen width / height) and whether it may
   * dwell there (over something pressable, not pinching). Returns the ring and a click.
   */
  update(cursor: { x: number; y: number } | null, t: number, allowed: boolean, aspect = 1): DwellState {
    if (!cursor) {
      this.reset();
      return { progress: 0, fired: null };
    }
    const a = this.anchor;
    const moved = !a || Math.hypot(cursor.x - a.x, (cursor.y - a.y) / aspect) > this.options.radius;
    if (moved) {
      this.anchor = { ...cursor, t };
      this.spent = false;
      return { progress: 0, fired: null };
    }
    if (!allowed || this.spent) {
      a.t = t; // the clock runs only while dwelling is allowed
      return { progress: 0, fired: null };
    }
    const held = t - a.t;
    if (held >= this.options.dwellMs) {
      this.spent = true;
      return { progress: 0, fired: { x: a.x, y: a.y } };
    }
    return { progress: held < this.options.showAfterMs ? 0 : held / this.options.dwellMs, fired: null };
  }

  /** Something else (a pinch) clicked here: no dwell click until the cursor moves on. */
  consume(): void {
    this.spent = true;
  }

  reset(): void {
    this.anchor = null;
    this.spent = false;
  }
}
