import { describe, expect, it } from 'vitest';
import { insideWindow, instantOf, lastOccurrence, localParts, minutesOf } from './local-time.ts';

const BERLIN = 'Europe/Berlin';

describe('local time', () => {
  it('finds the instant of a wall-clock time in the kiosk’s zone', () => {
    expect(new Date(instantOf({ year: 2026, month: 12, day: 7 }, minutesOf('04:30'), 'Asia/Shanghai')).toISOString()).toBe('2026-12-06T20:30:00.000Z');
    expect(localParts(Date.parse('2026-12-06T20:30:00Z'), 'Asia/Shanghai')).toMatchObject({ day: 7, hour: 4, minute: 30 });
  });

  it('takes a time the clock skips an hour later, and a time it passes twice the first time', () => {
    // 29 March 2026, Berlin: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
    expect(new Date(instantOf({ year: 2026, month: 3, day: 29 }, minutesOf('02:30'), BERLIN)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
    expect(new Date(instantOf({ year: 2026, month: 10, day: 25 }, minutesOf('02:30'), BERLIN)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives the last occurrence: today’s when it has passed, else yesterday’s, across a clock change', () => {
    const morning = Date.parse('2026-03-29T06:00:00Z'); // 08:00 CEST
    expect(new Date(lastOccurrence(morning, minutesOf('04:00'), BERLIN)).toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(new Date(lastOccurrence(morning, minutesOf('23:00'), BERLIN)).toISOString()).toBe('2026-03-28T22:00:00.000Z');
  });

  it('tells whether the clock is inside a window, one crossing midnight too', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(insideWindow(at('2026-12-06T19:00:00Z'), { from: '02:00', to: '05:00' }, 'Asia/Shanghai')).toBe(true); // 03:00 local
    expect(insideWindow(at('2026-12-06T21:00:00Z'), { from: '02:00', to: '05:00' }, 'Asia/Shanghai')).toBe(false); // 05:00 local
    expect(insideWindow(at('2026-12-06T15:30:00Z'), { from: '22:00', to: '06:00' }, 'Asia/Shanghai')).toBe(true); // 23:30 local
    expect(insideWindow(at('2026-12-07T02:00:00Z'), { from: '22:00', to: '06:00' }, 'Asia/Shanghai')).toBe(false); // 10:00 local
  });
});
