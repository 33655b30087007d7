import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, fullJitterDelay, parseRetryAfter } from './backoff.ts';

const policy = { baseMs: 1_000, capMs: 60_000, maxRetryAfterMs: 3_600_000 };

describe('full-jitter backoff', () => {
  it('waits anywhere from 0 up to base·2^failures, capped', () => {
    expect(fullJitterDelay(1, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(1, policy, () => 0.999999)).toBe(1_999);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(10, policy, () => 0.999999)).toBe(59_999);
  });

  it('keeps trying after any number of failures, never waiting longer than the cap', () => {
    for (const failures of [50, 1_000, 1e9]) {
      const delay = fullJitterDelay(failures, DEFAULT_BACKOFF, () => 0.999999);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThan(DEFAULT_BACKOFF.capMs);
    }
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now, policy.maxRetryAfterMs)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now, policy.maxRetryAfterMs)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:30 GMT', now, policy.maxRetryAfterMs)).toBe(90_000);
  });
  it('ignores what it cannot read, never goes negative, and caps absurd waits', () => {
    expect(parseRetryAfter(null, now, policy.maxRetryAfterMs)).toBeNull();
    expect(parseRetryAfter('soon', now, policy.maxRetryAfterMs)).toBeNull();
    expect(parseRetryAfter('-5', now, policy.maxRetryAfterMs)).toBeNull();
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now, policy.maxRetryAfterMs)).toBe(0);
    expect(parseRetryAfter('99999999', now, policy.maxRetryAfterMs)).toBe(3_600_000);
  });
});
