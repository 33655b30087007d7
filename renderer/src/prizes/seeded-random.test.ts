import { describe, expect, it } from 'vitest';
import { isSeed, newSeed, seededRandom } from './seeded-random.ts';

describe('seeded random', () => {
  it('replays the same numbers from a recorded seed', () => {
    const seed = newSeed();
    expect(isSeed(seed)).toBe(true);
    const a = seededRandom(seed);
    const b = seededRandom(seed);
    const first = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(first);
    expect(Array.from({ length: 100 }, seededRandom(newSeed()))).not.toEqual(first);
  });

  it('gives evenly spread numbers in [0, 1), even from a seed of zeros', () => {
    const random = seededRandom('0'.repeat(32));
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (x < 0 || x >= 1) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('refuses a seed that is not 32 hex digits', () => {
    expect(() => seededRandom('1234')).toThrow(/32/);
  });
});
