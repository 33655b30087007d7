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

  it('leaves a game most of the machine from its first frame, and takes its share back after', () => {
    const pacer = new FramePacer();
    const before = taken(pacer, 2000, 30);
    pacer.setPlaying(true);
    // 30 ms per frame at most 20% of the time while playing: ≤ 6.7 frames a second, without any jank reported first.
    const playing = taken(pacer, 2000, 30, 2000);
    expect((playing * 30) / 2000).toBeLessThanOrEqual(0.22);
    expect(playing / 2).toBeGreaterThanOrEqual(5.5);
    pacer.setPlaying(false);
    expect(taken(pacer, 2000, 30, 4000)).toBeGreaterThanOrEqual(before - 1);
  });

  it('analyses nothing while held, then resumes at its rate', () => {
    const pacer = new FramePacer();
    expect(pacer.take(0)).toBe(true);
    pacer.hold(10, 300);
    expect(taken(pacer, 300, 10, 10)).toBe(0);
    pacer.hold(100, 100); // a shorter hold inside a longer one changes nothing
    expect(pacer.take(305)).toBe(false);
    expect(pacer.take(311)).toBe(true);
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
