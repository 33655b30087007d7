import { describe, expect, it } from 'vitest';
import { withCheckDigit } from './gtin.ts';
import { shardCountFor, shardOf } from './layout.ts';

describe('catalog shards', () => {
  it('spreads 100k real-looking GTINs over every shard, none more than 1.3× the mean', () => {
    const shards = shardCountFor(100_000);
    expect(shards).toBe(256);
    const counts = new Array<number>(shards).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const gtin = withCheckDigit(`69${String(1_000_000_000 + i * 7919).slice(-10)}`).padStart(14, '0');
      counts[shardOf(gtin, shards)]! += 1;
    }
    const mean = 100_000 / shards;
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.7);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.3);
  });

  it('is stable: the same code always lands in the same shard', () => {
    expect(shardOf('06901234567892', 256)).toBe(shardOf('06901234567892', 256));
    expect(shardOf('x', 1)).toBe(0);
  });
});
