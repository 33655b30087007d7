import { describe, expect, it } from 'vitest';
import { FreezeDetector } from './freeze-detector.ts';

describe('the freeze detector', () => {
  it('says frozen once when a visible page stops ticking, and not before its first tick', () => {
    const d = new FreezeDetector(30_000);
    d.pageLoaded();
    expect(d.check(60_000)).toBe(false); // still loading: the supervisor's load and hang checks cover that
    for (let t = 60_000; t <= 70_000; t += 2_000) d.tick(t, true);
    expect(d.check(99_999)).toBe(false);
    expect(d.check(100_000)).toBe(true);
    expect(d.check(130_000)).toBe(false); // once per freeze
    d.pageLoaded();
    expect(d.check(200_000)).toBe(false);
    d.tick(200_000, true);
    expect(d.check(230_000)).toBe(true);
  });

  it('does not count a hidden page or a hidden window as frozen, and waits afresh once shown', () => {
    const d = new FreezeDetector(30_000);
    d.tick(0, true);
    d.tick(2_000, false); // the page says it is hidden: no frames are expected
    expect(d.check(500_000)).toBe(false);
    d.tick(500_000, true);
    d.windowShown(501_000, false); // minimised
    expect(d.check(900_000)).toBe(false);
    d.windowShown(900_000, true);
    expect(d.check(929_000)).toBe(false);
    expect(d.check(930_000)).toBe(true);
  });
});
