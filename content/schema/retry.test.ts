import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter } from './retry.ts';

const policy = { baseMs: 1_000, capMs: 60_000 };
const HOUR = 3_600_000;

describe('full-jitter backoff', () => {
  it('waits anywhere from 0 up to base·2^doublings', () => {
    expect(fullJitterDelay(1, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(1, policy, () => 0.999999)).toBe(1_999);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(0, policy, () => 0.5)).toBe(500);
  });

  it('doubles its ceiling with each doubling until the cap, then stays there', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => fullJitterDelay(n, policy, () => 1));
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('keeps trying after any number of failures, never waiting longer than the cap', () => {
    const fiveMinutes = { baseMs: 1_000, capMs: 300_000 };
    for (const doublings of [50, 1_000, 1e9]) {
      const delay = fullJitterDelay(doublings, fiveMinutes, () => 0.999999);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThan(fiveMinutes.capMs);
    }
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now, HOUR)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now, HOUR)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:30 GMT', now, HOUR)).toBe(90_000);
  });

  it('ignores what it cannot read, never goes negative, and caps absurd waits', () => {
    expect(parseRetryAfter(null, now, HOUR)).toBeNull();
    expect(parseRetryAfter(undefined, now, HOUR)).toBeNull();
    expect(parseRetryAfter('  ', now, HOUR)).toBeNull();
    expect(parseRetryAfter('soon', now, HOUR)).toBeNull();
    expect(parseRetryAfter('-5', now, HOUR)).toBeNull();
    expect(parseRetryAfter('1.5', now, HOUR)).toBeNull();
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now, HOUR)).toBe(0);
    expect(parseRetryAfter('99999999', now, HOUR)).toBe(HOUR);
    expect(parseRetryAfter('Mon, 30 Nov 2026 10:00:00 GMT', now, HOUR)).toBe(HOUR);
  });
});
