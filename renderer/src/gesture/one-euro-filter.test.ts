import { describe, expect, it } from 'vitest';
import { OneEuroFilter, OneEuroFilter2D } from './one-euro-filter.ts';

/** Deterministic noise in [-1, 1]. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
}
const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('One Euro filter', () => {
  it('holds a still but noisy hand steady', () => {
    const filter = new OneEuroFilter();
    const rnd = noise(7);
    const raw: number[] = [];
    const out: number[] = [];
    for (let i = 0; i < 120; i++) {
      const v = 0.5 + rnd() * 0.004;
      raw.push(v);
      out.push(filter.filter(v, i * 33));
    }
    // After it settles the cursor wanders far less than the fingertip it follows.
    expect(spread(out.slice(30))).toBeLessThan(spread(raw.slice(30)) / 2);
  });

  it('keeps up with a fast movement instead of lagging like a plain low-pass', () => {
    const adaptive = new OneEuroFilter();
    const plain = new OneEuroFilter({ minCutoff: 0.8, beta: 0, dCutoff: 2 });
    let a = 0;
    let p = 0;
    // The hand sweeps 0 → 0.6 in 400 ms.
    for (let i = 0; i <= 12; i++) {
      const v = Math.min(0.6, (i * 33 * 0.6) / 400);
      a = adaptive.filter(v, i * 33);
      p = plain.filter(v, i * 33);
    }
    expect(0.6 - a).toBeLessThan(0.05);
    expect(0.6 - p).toBeGreaterThan(0.15);
  });

  it('passes the first value through and ignores a repeated timestamp', () => {
    const filter = new OneEuroFilter2D();
    expect(filter.filter({ x: 0.3, y: 0.7 }, 100)).toEqual({ x: 0.3, y: 0.7 });
    const again = filter.filter({ x: 0.9, y: 0.1 }, 100);
    expect(Number.isFinite(again.x) && Number.isFinite(again.y)).toBe(true);
    expect(again).toEqual({ x: 0.3, y: 0.7 });
    filter.reset();
    expect(filter.filter({ x: 0.9, y: 0.1 }, 200)).toEqual({ x: 0.9, y: 0.1 });
  });
});
