import { describe, expect, it } from 'vitest';
import { FramePacer } from './frame-pacer.ts';

/** Offers a 30 fps camera for `ms` and counts the frames taken (the worker is busy while it infers). */
function taken(pacer: FramePacer, ms: number, inferenceMs = 0, from = 0): number {
  let n = 0;
  let busyUntil = -Infinity;
  for (let t = from; t < from + ms; t += 1000 / 30) {
    if (t < busyUntil) continue;
    if (pacer.take(t)) {
      n++;
      if (inferenceMs) pacer.recordInference(inferenceMs);
      busyUntil = t + inferenceMs;
    }
  }
  return n;
}

describe('frame pacer', () => {
  it('takes every frame of a 30 fps camera when inference is quick', () => {
    expect(taken(new FramePacer(), 1000, 10)).toBeGreaterThanOrEqual(29);
  });

  it('keeps inference under 60% of the time when it is slow', () => {
    const n = taken(new FramePacer(), 5000, 40);
    // 40 ms per frame at most 60% of the time: ≤ 15 frames a second (+10% slack for camera jitter).
    expect((n * 40) / 5000).toBeLessThanOrEqual(0.66);
    expect(n / 5).toBeGreaterThanOrEqual(10);
  });

  it('backs off while the UI misses frames, down to the floor, and recovers', () => {
    const pacer = new FramePacer();
    const before = taken(pacer, 1000, 20);
    for (let i = 0; i < 20; i++) pacer.reportJank(0.3);
    expect(pacer.intervalMs).toBeCloseTo(1000 / 6);
    const busy = taken(pacer, 2000, 20, 1000);
    expect(busy / 2).toBeLessThanOrEqual(6.5);
    expect(busy).toBeLessThan(before);
    for (let i = 0; i < 30; i++) pacer.reportJank(0);
    expect(taken(pacer, 1000, 20, 3000)).toBeGreaterThanOrEqual(before - 1);
  });

  it('never drops below the floor, where tracking a hand would stop working', () => {
    const pacer = new FramePacer();
    pacer.recordInference(120);
    for (let i = 0; i < 20; i++) pacer.reportJank(0.5);
    expect(pacer.intervalMs).toBeCloseTo(1000 / 6);
  });

  it('moderate jank leaves the rate alone', () => {
    const pacer = new FramePacer();
    pacer.recordInference(20);
    const interval = pacer.intervalMs;
    pacer.reportJank(0.05);
    expect(pacer.intervalMs).toBe(interval);
  });
});
