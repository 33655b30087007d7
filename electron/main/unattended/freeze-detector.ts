// A screen that stops drawing while it is shown is treated like a hung one. The renderer
// reports a frame tick every couple of seconds (requestAnimationFrame-driven) and says
// when the page is hidden; main says when the window itself is hidden or minimised. No
// tick for frozenAfterMs while both are visible: frozen, once, until the page loads again.
// Pure: the caller passes the time.

export class FreezeDetector {
  private lastTick: number | null = null;
  private pageVisible = true;
  private windowVisible = true;
  private reported = false;

  constructor(private readonly frozenAfterMs: number) {}

  /** The page (re)started loading: nothing is expected of it until its first tick. */
  pageLoaded(): void {
    this.lastTick = null;
    this.pageVisible = true;
    this.reported = false;
  }

  /** The renderer drew a frame (visible), or says its page is hidden. */
  tick(now: number, pageVisible: boolean): void {
    this.pageVisible = pageVisible;
    this.lastTick = now;
    this.reported = false;
  }

  /** Main's own view of the window: shown, or hidden/minimised. Showing it again starts the wait afresh. */
  windowShown(now: number, visible: boolean): void {
    if (visible && !this.windowVisible && this.lastTick !== null) this.lastTick = now;
    this.windowVisible = visible;
  }

  /** True exactly once per freeze: a visible page that has ticked before and then stopped. */
  check(now: number): boolean {
    if (this.reported || this.lastTick === null || !this.pageVisible || !this.windowVisible) return false;
    if (now - this.lastTick < this.frozenAfterMs) return false;
    this.reported = true;
    return true;
  }
}
