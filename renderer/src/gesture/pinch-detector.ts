// Pinch (thumb tip touching index tip) as a button: pressed when the tips come within
// `closeRatio` of the hand's size for `closeFrames` frames in a row, released only when
// they part beyond `openRatio` (hysteresis, so a pinch held at the threshold does not
// chatter). The index finger moves while pinching, so the detector also tells when the
// fingers started closing: the click belongs where the cursor was at that moment.

export interface PinchOptions {
  closeRatio: number;
  openRatio: number;
  closeFrames: number;
  openFrames: number;
  /** How far back to look for the start of the closing movement (ms). */
  onsetWindowMs: number;
}

export const DEFAULT_PINCH: PinchOptions = { closeRatio: 0.3, openRatio: 0.5, closeFrames: 2, openFrames: 2, onsetWindowMs: 400 };

export type PinchChange = 'press' | 'release' | null;

/** Wobble of the ratio that does not count as the fingers opening again. */
const ONSET_TOLERANCE = 0.03;

export class PinchDetector {
  private down = false;
  private closeRun = 0;
  private openRun = 0;
  private recent: { t: number; ratio: number }[] = [];
  private onset: number | null = null;

  constructor(private readonly options: PinchOptions = DEFAULT_PINCH) {}

  get pressed(): boolean {
    return this.down;
  }

  /** When the closing movement of the current pinch began (ms), or null when not pressed. */
  get closingStartedAt(): number | null {
    return this.onset;
  }

  /** Feeds one frame's thumb–index ratio (null: no hand). */
  update(ratio: number | null, t: number): PinchChange {
    if (ratio === null) return this.lost();
    this.recent.push({ t, ratio });
    while (this.recent.length > 0 && t - this.recent[0]!.t > this.options.onsetWindowMs) this.recent.shift();

    if (!this.down) {
      this.closeRun = ratio < this.options.closeRatio ? this.closeRun + 1 : 0;
      if (this.closeRun >= this.options.closeFrames) {
        this.down = true;
        this.openRun = 0;
        this.onset = this.closingOnset();
        return 'press';
      }
      return null;
    }
    this.openRun = ratio > this.options.openRatio ? this.openRun + 1 : 0;
    if (this.openRun >= this.options.openFrames) {
      this.down = false;
      this.closeRun = 0;
      this.onset = null;
      return 'release';
    }
    return null;
  }

  /** Walks back while the ratio keeps rising (the fingers were farther apart): that peak is where closing began. */
  private closingOnset(): number {
    let i = this.recent.length - 1;
    while (i > 0 && this.recent[i - 1]!.ratio >= this.recent[i]!.ratio - ONSET_TOLERANCE) i--;
    return this.recent[i]!.t;
  }

  /** The hand left (or the pinch must be abandoned): a held pinch is released. */
  lost(): PinchChange {
    const was = this.down;
    this.down = false;
    this.closeRun = 0;
    this.openRun = 0;
    this.recent = [];
    this.onset = null;
    return was ? 'release' : null;
  }
}
