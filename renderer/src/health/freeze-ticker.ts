// When the renderer tells the host it still draws: on a drawn frame at most every
// FRAME_TICK_EVERY_MS, at once when the page is hidden (no frames are expected then),
// and on the first frame after it is shown again. Pure: the caller passes the time.
import { FRAME_TICK_EVERY_MS, type FrameTick } from '../../../electron/common/unattended-payloads.ts';

export class FreezeTicker {
  private lastSent: number | null = null;

  constructor(private readonly everyMs = FRAME_TICK_EVERY_MS) {}

  /** A frame was drawn at `now`: the tick to send, or null. */
  frame(now: number): FrameTick | null {
    if (this.lastSent !== null && now - this.lastSent < this.everyMs) return null;
    this.lastSent = now;
    return { visible: true };
  }

  /** The page was hidden or shown: the tick to send, or null. */
  visibility(hidden: boolean): FrameTick | null {
    // Shown again: the next frame is reported at once.
    this.lastSent = null;
    return hidden ? { visible: false } : null;
  }
}
