import { describe, expect, it } from 'vitest';
import { withCheckDigit } from './gtin.ts';
import { shardCountFor, shardOf } from './layout.ts';

describe('catalog shards', () => {
  it('spreads 100k real-looking GTINs over every shard, none more than 1.3× the mean', () => {
    const shards = 256;
    const counts = new Array<number>(shards).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const gtin = withCheckDigit(`69${String(1_000_000_000 + i * 7919).slice(-10)}`).padStart(14, '0');
      counts[shardOf(gtin, shards)]! += 1;
    }
    const mean = 100_000 / shards;
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.7);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.3);
  });

  it('keeps a shard small whatever the catalogue size, up to 4096 shards', () => {
    expect(shardCountFor(0)).toBe(1);
    expect(shardCountFor(128)).toBe(1);
    expect(shardCountFor(129)).toBe(2);
    expect(shardCountFor(100_000)).toBe(1024);
    expect(100_000 / shardCountFor(100_000)).toBeLessThanOrEqual(128);
    expect(shardCountFor(10_000_000)).toBe(4096);
  });

  it('is stable: the same code always lands in the same shard', () => {
    expect(shardOf('06901234567892', 256)).toBe(shardOf('06901234567892', 256));
    expect(shardOf('x', 1)).toBe(0);
  });
});
