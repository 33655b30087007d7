import { describe, expect, it } from 'vitest';
import { SwipeDetector } from './swipe-detector.ts';

/** Feeds x(t) at 30 fps for `ms`, returning the swipes. */
function run(x: (t: number) => number, ms: number, y: (t: number) => number = () => 0.5, detector = new SwipeDetector(), from = 0) {
  const out: { t: number; sign: number }[] = [];
  for (let t = 0; t <= ms; t += 33) {
    const sign = detector.update({ x: x(t), y: y(t) }, from + t);
    if (sign) out.push({ t, sign });
  }
  return out;
}

describe('swipe detector', () => {
  it('sees a quick sideways sweep as one swipe in its direction', () => {
    const right = run((t) => 0.2 + Math.min(0.4, (t / 350) * 0.4), 1500);
    expect(right.map((s) => s.sign)).toEqual([1]);
    const left = run((t) => 0.8 - Math.min(0.4, (t / 350) * 0.4), 1500);
    expect(left.map((s) => s.sign)).toEqual([-1]);
  });

  it('ignores someone moving the cursor at aiming speed', () => {
    // 0.35 image widths per second, back and forth for six seconds.
    expect(run((t) => 0.5 + 0.3 * Math.sin((2 * Math.PI * t) / 5400), 6000)).toEqual([]);
  });

  it('ignores diagonal and vertical sweeps', () => {
    expect(run((t) => 0.3 + Math.min(0.3, t / 1000), 1000, (t) => 0.2 + Math.min(0.5, (t / 300) * 0.5))).toEqual([]);
  });

  it('ignores a quick jiggle that turns back before going far', () => {
    // ±0.08 image widths at 2 Hz: each swing covers 0.16 in a quarter of a second.
    expect(run((t) => 0.5 + 0.08 * Math.sin((2 * Math.PI * t) / 500), 3000)).toEqual([]);
  });

  it('sees the same sweep when only three frames a second are analysed', () => {
    const detector = new SwipeDetector();
    const swipes: number[] = [];
    for (let t = 0; t <= 1500; t += 333) {
      const sign = detector.update({ x: 0.1 + Math.min(0.4, Math.max(0, t - 300) * 0.0008), y: 0.5 }, t);
      if (sign) swipes.push(sign);
    }
    expect(swipes).toEqual([1]);
  });

  it('swipes once per sweep, and again after resting', () => {
    const detector = new SwipeDetector();
    const sweep = (t: number) => 0.2 + Math.min(0.5, (t / 400) * 0.5);
    expect(run(sweep, 1000, undefined, detector)).toHaveLength(1);
    // The hand returns slowly, then sweeps again.
    const back = run((t) => 0.7 - Math.min(0.5, t / 4000), 2000, undefined, detector, 1033);
    expect(back).toEqual([]);
    expect(run((t) => 0.2 + Math.min(0.5, (t / 400) * 0.5), 1000, undefined, detector, 3066)).toHaveLength(1);
  });
});
