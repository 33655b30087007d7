import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, PAINT_WAIT_MAX_MS } from './after-paint.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('work that waits for the next frame', () => {
  it('runs right after the frame is drawn', async () => {
    vi.useFakeTimers();
    let drawFrame: (() => void) | undefined;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => ((drawFrame = () => cb(0)), 1));
    let done = false;
    void afterPaint().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    drawFrame!();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('still runs when the page draws no frames (a hidden window): events are not held back for good', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    let done = false;
    void afterPaint().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(PAINT_WAIT_MAX_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
