import { describe, expect, it } from 'vitest';
import { createReadGate } from './read-gate.ts';
import { cleanToken, shortWhen } from './till-verdict.ts';

describe('the camera read gate', () => {
  it('sends a code once while it stays in view, again after it was away, and at once after “next”', () => {
    const gate = createReadGate(5000);
    expect(gate.offer('COUPON-A', 0)).toBe(true);
    expect(gate.offer('COUPON-A', 200)).toBe(false);
    // Still held up 20 s later: every sighting keeps the gate shut.
    for (let at = 400; at <= 20_000; at += 400) expect(gate.offer('COUPON-A', at)).toBe(false);
    expect(gate.offer('COUPON-B', 20_100)).toBe(true);
    expect(gate.offer('COUPON-A', 20_200)).toBe(true);
    gate.reset();
    expect(gate.offer('COUPON-A', 20_300)).toBe(true);
  });
});

describe('what the till sends and shows', () => {
  it('keeps the token, without a scanner’s control characters or spaces around it', () => {
    expect(cleanToken('  ABCDEFGHIJKL234567\r\n')).toBe('ABCDEFGHIJKL234567');
    expect(cleanToken('\u001dABCDEFGHIJ')).toBe('ABCDEFGHIJ');
  });

  it('writes when as month-day hour:minute, with the year when it is another year’s', () => {
    const now = new Date(2025, 11, 10, 9, 0).getTime();
    expect(shortWhen(new Date(2025, 11, 3, 14, 5).toISOString(), now)).toBe('12-03 14:05');
    expect(shortWhen(new Date(2024, 11, 3, 14, 5).toISOString(), now)).toBe('2024-12-03 14:05');
  });
});
