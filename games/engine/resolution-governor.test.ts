import { describe, expect, it } from 'vitest';
import { ResolutionGovernor } from './resolution-governor.ts';

const feed = (g: ResolutionGovernor, ms: number, n: number) => {
  const changes: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = g.sample(ms);
    if (r !== null) changes.push(r);
  }
  return changes;
};

describe('resolution governor', () => {
  it('leaves a fast game at full resolution', () => {
    const g = new ResolutionGovernor({ start: 1 });
    expect(feed(g, 16.7, 2000)).toEqual([]);
    expect(g.resolution).toBe(1);
  });

  it('steps down after two slow windows in a row while frames stay slow, never below the last step', () => {
    const g = new ResolutionGovernor({ start: 2, windowFrames: 10, warmupMs: 500 });
    expect(feed(g, 250, 2)).toEqual([]); // warming up: not counted
    expect(feed(g, 40, 19)).toEqual([]);
    expect(feed(g, 40, 1)).toEqual([1.5]);
    expect(feed(g, 40, 100)).toEqual([1]);
    expect(g.resolution).toBe(1);
  });

  it('keeps its resolution through one slow second between smooth ones', () => {
    const g = new ResolutionGovernor({ start: 1, windowFrames: 10, warmupMs: 0 });
    expect(feed(g, 16.7, 10)).toEqual([]);
    expect(feed(g, 50, 10)).toEqual([]); // one slow window: a hiccup
    expect(feed(g, 16.7, 10)).toEqual([]);
    expect(feed(g, 50, 10)).toEqual([]); // not in a row with the first
    expect(g.resolution).toBe(1);
    expect(feed(g, 50, 10)).toEqual([0.75]);
  });

  it('reacts within about two seconds even when frames are very slow', () => {
    const g = new ResolutionGovernor({ start: 1, warmupMs: 0 });
    // Four frames a second: each window closes after one second, not after 40 frames.
    expect(feed(g, 250, 4)).toEqual([]);
    expect(feed(g, 250, 4)).toEqual([0.75]);
  });

  it('steps down on the first slow window when told to', () => {
    const g = new ResolutionGovernor({ start: 1, warmupMs: 0, windowFrames: 10, slowWindows: 1 });
    expect(feed(g, 40, 10)).toEqual([0.75]);
  });

  it('ignores a few slow frames (a garbage collection) in an otherwise smooth window', () => {
    const g = new ResolutionGovernor({ start: 1, windowFrames: 10, warmupMs: 0 });
    const frames = [16, 16, 120, 16, 16, 200, 16, 16, 16, 16];
    expect(frames.map((ms) => g.sample(ms)).filter((r) => r !== null)).toEqual([]);
  });
});
