// Keeps play smooth on a weak GPU: when frames are slow, the game draws into a smaller
// buffer that the browser scales up (1 → 0.75 → 0.5 of the device resolution). On a
// kiosk GPU at 1080p frames stay fast and nothing changes. It only steps down, within
// one game session (the next session starts at full resolution again). Since a step
// lasts the rest of the game, one slow second (a garbage collection, the hand model
// switching, an upload) is not enough: it steps down after `slowWindows` slow windows
// in a row.

export interface GovernorOptions {
  /** The device resolution to start from. */
  start: number;
  /** Shares of `start` to step through, largest first. */
  steps?: readonly number[];
  /** A window whose median frame is slower than this steps down (ms; 24 ≈ below 42 fps). */
  slowMs?: number;
  /** A window ends after this many frames or this much time, whichever comes first. */
  windowFrames?: number;
  windowMs?: number;
  /** Time ignored at the start (shaders compiling, first texture uploads). */
  warmupMs?: number;
  /** Slow windows in a row that step down (default 2). */
  slowWindows?: number;
}

export class ResolutionGovernor {
  private readonly steps: readonly number[];
  private readonly slowMs: number;
  private readonly windowFrames: number;
  private readonly windowMs: number;
  private readonly frames: number[] = [];
  private windowTime = 0;
  private readonly slowWindows: number;
  private warmup: number;
  private step = 0;
  private slowInARow = 0;

  constructor(private readonly options: GovernorOptions) {
    this.steps = options.steps ?? [1, 0.75, 0.5];
    this.slowMs = options.slowMs ?? 24;
    this.windowFrames = options.windowFrames ?? 40;
    this.windowMs = options.windowMs ?? 1000;
    this.warmup = options.warmupMs ?? 500;
    this.slowWindows = options.slowWindows ?? 2;
  }

  get resolution(): number {
    return this.options.start * this.steps[this.step]!;
  }

  /** Feeds one frame's duration; returns the resolution to switch to, or null to stay. */
  sample(frameMs: number): number | null {
    if (this.step >= this.steps.length - 1) return null;
    if (this.warmup > 0) {
      this.warmup -= frameMs;
      return null;
    }
    this.frames.push(frameMs);
    this.windowTime += frameMs;
    if (this.frames.length < this.windowFrames && (this.windowTime < this.windowMs || this.frames.length < 3)) return null;
    const sorted = [...this.frames].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    this.frames.length = 0;
    this.windowTime = 0;
    if (median <= this.slowMs) {
      this.slowInARow = 0;
      return null;
    }
    if (++this.slowInARow < this.slowWindows) return null;
    this.slowInARow = 0;
    this.step++;
    return this.resolution;
  }
}
