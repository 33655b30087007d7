import { describe, expect, it } from 'vitest';
import { RollingStats } from './rolling-stats.ts';

describe('rolling stats', () => {
  it('gives median and p90 by nearest rank', () => {
    const s = new RollingStats();
    for (let i = 1; i <= 10; i++) s.push(i);
    expect(s.percentile(50)).toBe(5);
    expect(s.percentile(90)).toBe(9);
    expect(s.percentile(100)).toBe(10);
  });

  it('keeps only the newest values', () => {
    const s = new RollingStats(3);
    for (const v of [100, 100, 100, 1, 2, 3]) s.push(v);
    expect(s.count).toBe(3);
    expect(s.percentile(100)).toBe(3);
  });

  it('has nothing to say without data', () => {
    expect(new RollingStats().percentile(50)).toBeNull();
  });
});
