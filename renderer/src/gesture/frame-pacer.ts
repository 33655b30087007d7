// How often the worker analyses a camera frame. Inference is the expensive part (tens
// of ms per frame on a CPU) and the kiosk's UI shares the machine with it, so the rate
// adapts: never faster than `maxFps`, never busier than `maxDuty` of a core, and slower
// still while the UI thread reports missed frames — down to `minFps` — creeping back up
// once the UI is smooth again. While a game runs the model gets a smaller share
// (`gameDuty`) from the first frame, not only after the UI has missed frames for a few
// seconds: a game drawn in software shares the same cores, and its frame rate is what
// the shopper sees. A key press (a hand scanner typing a code) holds analysis for a
// moment, so the product page it asks for has the machine to itself. `minFps` is a
// floor: below it hand tracking stops working, so on a machine where even that keeps
// the worker busy, gestures cost a core (the benchmark shows it; turn gestures off or
// give the kiosk a GPU).

export interface PacerOptions {
  maxFps: number;
  minFps: number;
  /** Share of wall time inference may take (0–1). */
  maxDuty: number;
  /** The same while a game is being played. */
  gameDuty: number;
  /** Share of late UI frames above which the pacer backs off… */
  jankHigh: number;
  /** …and below which it speeds up again. */
  jankLow: number;
}

export const DEFAULT_PACER: PacerOptions = { maxFps: 30, minFps: 6, maxDuty: 0.6, gameDuty: 0.2, jankHigh: 0.1, jankLow: 0.03 };

export class FramePacer {
  private inferenceMs: number | null = null;
  private slowdown = 1;
  private lastStart = -Infinity;
  private playing = false;
  private heldUntil = -Infinity;

  constructor(private readonly options: PacerOptions = DEFAULT_PACER) {}

  /** The current gap between analysed frames (ms). */
  get intervalMs(): number {
    const o = this.options;
    const duty = this.playing ? o.gameDuty : o.maxDuty;
    const base = Math.max(1000 / o.maxFps, (this.inferenceMs ?? 0) / duty);
    return Math.min(1000 / o.minFps, base * this.slowdown);
  }

  /** Whether a frame arriving at `now` (ms) should be analysed; if so, its start is noted. */
  take(now: number): boolean {
    if (now < this.heldUntil) return false;
    // A little slack so a 30 fps camera is not cut to 15 fps by timestamp jitter.
    if (now - this.lastStart < this.intervalMs * 0.9) return false;
    this.lastStart = now;
    return true;
  }

  /** A game starts or stops being played on this screen. */
  setPlaying(playing: boolean): void {
    this.playing = playing;
  }

  /** Analyses nothing for `ms` from `now`: the page has something more urgent to do (a scan to show). */
  hold(now: number, ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, now + ms);
  }

  /** How long the last inference took. */
  recordInference(ms: number): void {
    this.inferenceMs = this.inferenceMs === null ? ms : this.inferenceMs * 0.8 + ms * 0.2;
  }

  /** The share of UI frames that came late over the last second. */
  reportJank(share: number): void {
    const o = this.options;
    if (share > o.jankHigh) this.slowdown = Math.min(this.slowdown * 1.5, (1000 / o.minFps) / (1000 / o.maxFps));
    else if (share < o.jankLow) this.slowdown = Math.max(1, this.slowdown * 0.85);
  }
}
