// Play time: advances only while the game runs, never by more than a short step at a
// time (a stalled frame must not eat the shopper's seconds), and ends at the duration.

/** The longest step one frame may advance the game. */
export const MAX_STEP_MS = 100;

export class PlayClock {
  private elapsed = 0;

  constructor(readonly durationMs: number) {}

  /** Advances by a frame's time and returns the game time that passed (0 once done). */
  advance(frameMs: number): number {
    const step = Math.min(Math.max(0, frameMs), MAX_STEP_MS, this.durationMs - this.elapsed);
    this.elapsed += step;
    return step;
  }

  get elapsedMs(): number {
    return this.elapsed;
  }

  get remainingMs(): number {
    return this.durationMs - this.elapsed;
  }

  get done(): boolean {
    return this.elapsed >= this.durationMs;
  }
}
