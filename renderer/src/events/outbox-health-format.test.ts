import { describe, expect, it } from 'vitest';
import { ageParts, formatBytes } from './outbox-health-format.ts';

describe('outbox health in words', () => {
  it('gives an age in the largest whole unit', () => {
    expect(ageParts(400)).toEqual({ unit: 'seconds', n: 0 });
    expect(ageParts(59_999)).toEqual({ unit: 'seconds', n: 59 });
    expect(ageParts(60_000)).toEqual({ unit: 'minutes', n: 1 });
    expect(ageParts(3 * 3600_000 + 5)).toEqual({ unit: 'hours', n: 3 });
    expect(ageParts(48 * 3600_000)).toEqual({ unit: 'days', n: 2 });
  });
  it('gives sizes in B, KB or MB', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50_000_000)).toBe('47.7 MB');
  });
});
