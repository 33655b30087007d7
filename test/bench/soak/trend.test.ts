import { describe, expect, it } from 'vitest';
import { defaultWarmup, frameStats, judge, linearTrend } from './trend.ts';

describe('the soak trend', () => {
  it('fits a line through noisy samples and gives the growth over the run', () => {
    const points = Array.from({ length: 11 }, (_, i) => ({ minute: i, value: 100 + i + (i % 2 ? 0.5 : -0.5) }));
    const trend = linearTrend(points);
    expect(trend.slopePerHour).toBeCloseTo(60, 0);
    expect(trend.start).toBeCloseTo(100, 0);
    expect(trend.growthPct).toBeCloseTo(10, 0);
  });

  it('says how far the growth could be from noise alone: the 95 % interval from the slope\'s standard error', () => {
    // y = 100, 102, 101, 103: slope 0.8 a minute, residuals ±0.3 and ±0.9, standard error √(0.9 / 5).
    const trend = linearTrend([100, 102, 101, 103].map((value, minute) => ({ minute, value })));
    expect(trend.growthPct).toBeCloseTo((2.4 / 100.3) * 100, 5);
    expect(trend.growthCiPct).toBeCloseTo(2.487, 2);
    // On a straight line there is no doubt; with two samples there is no telling.
    expect(linearTrend([1, 2, 3].map((value, minute) => ({ minute, value }))).growthCiPct).toBe(0);
    expect(linearTrend([1, 2].map((value, minute) => ({ minute, value }))).growthCiPct).toBeNull();
  });

  it('passes a flat heap and fails one that keeps growing, counting only samples after the warm-up', () => {
    const samples = Array.from({ length: 12 }, (_, minute) => ({
      minute,
      // A warm-up climb, then flat with noise.
      heapObjectsMiB: minute < 2 ? 20 + minute * 5 : 30 + (minute % 3) * 0.2,
      domNodes: 1000 + minute * 20,
      listeners: 200,
      fps: 50 - minute * 0.1,
    }));
    const verdicts = Object.fromEntries(judge(samples, 2).map((v) => [v.target.figure, v]));
    expect(verdicts.heapObjectsMiB!.ok).toBe(true);
    expect(verdicts.listeners!.ok).toBe(true);
    // 1040 → 1220 nodes is +17 %: a leak.
    expect(verdicts.domNodes!.ok).toBe(false);
    expect(verdicts.domNodes!.trend.growthPct).toBeCloseTo(17.3, 0);
    // 49.8 → 48.9 fps is a 1.8 % decay: within the 5 % allowed.
    expect(verdicts.fps!.ok).toBe(true);
    expect(judge(samples.map((s) => ({ ...s, fps: 50 - s.minute * 2 })), 2).find((v) => v.target.figure === 'fps')!.ok).toBe(false);
  });

  it('cannot pass a figure it has fewer than two samples of', () => {
    const verdict = judge([{ minute: 5, heapObjectsMiB: 30, domNodes: 1, listeners: 1, fps: null }], 2);
    expect(verdict.every((v) => !v.ok)).toBe(true);
  });

  it('counts a late frame for as long as it lasted: a second of frames on time and a second of late ones is 45 fps, where the median said 60', () => {
    const intervals = [...Array<number>(60).fill(1000 / 60), ...Array<number>(30).fill(1000 / 30)];
    const stats = frameStats(intervals)!;
    expect(stats.fps).toBeCloseTo(45, 5);
    expect(stats.p95Ms).toBeCloseTo(1000 / 30, 5);
    expect(stats.frames).toBe(90);
    expect(frameStats([])).toBeNull();
  });

  it('warms up for a tenth of the run, between 2 and 15 minutes', () => {
    expect(defaultWarmup(10)).toBe(2);
    expect(defaultWarmup(60)).toBe(6);
    expect(defaultWarmup(600)).toBe(15);
  });
});
