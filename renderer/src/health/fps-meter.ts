// Frames per second over the last minute, cheaply: a count per second of the frames the
// page drew, the last 60 seconds kept. Pure: the caller passes the frame times.

const WINDOW_MS = 60_000;
const BUCKET_MS = 1_000;

export class FpsMeter {
  private readonly buckets = new Map<number, number>();
  private since: number | null = null;

  /** A frame was drawn at `now` (ms, the requestAnimationFrame timestamp). */
  frame(now: number): void {
    const bucket = Math.floor(now / BUCKET_MS);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    this.since ??= now;
    if (this.buckets.size > WINDOW_MS / BUCKET_MS + 1) this.prune(now);
  }

  /** Frames per second over the last minute (or since counting began, if less); null with under a second of frames. */
  fps(now: number): number | null {
    this.prune(now);
    if (this.since === null) return null;
    const span = Math.min(WINDOW_MS, now - this.since);
    if (span < BUCKET_MS) return null;
    let frames = 0;
    for (const count of this.buckets.values()) frames += count;
    return Math.round((frames / (span / 1000)) * 10) / 10;
  }

  /** Forget what was counted (the page was hidden: frames stopped for a reason that is not slowness). */
  reset(): void {
    this.buckets.clear();
    this.since = null;
  }

  private prune(now: number): void {
    const oldest = Math.floor((now - WINDOW_MS) / BUCKET_MS);
    for (const bucket of this.buckets.keys()) if (bucket < oldest) this.buckets.delete(bucket);
  }
}
