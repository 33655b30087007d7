import { describe, expect, it } from 'vitest';
import { dayOf, parseDay, periodFromQuery, periodOf, periodToQuery } from './period.ts';

// Local times: the period is the browser's days, whatever its time zone.
const now = new Date(2025, 4, 7, 15, 30).getTime();
const midnight = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('the period of a report', () => {
  it('counts today and the last 7 and 30 days with today included, midnight to midnight', () => {
    expect(periodOf({ kind: 'today' }, now)).toEqual({ from: midnight(2025, 5, 7), to: midnight(2025, 5, 8), firstDay: '2025-05-07', lastDay: '2025-05-07' });
    expect(periodOf({ kind: 'last7' }, now)).toEqual({ from: midnight(2025, 5, 1), to: midnight(2025, 5, 8), firstDay: '2025-05-01', lastDay: '2025-05-07' });
    expect(periodOf({ kind: 'last30' }, now)).toMatchObject({ from: midnight(2025, 4, 8), firstDay: '2025-04-08', lastDay: '2025-05-07' });
  });

  it('takes two days picked by hand, both included', () => {
    expect(periodOf({ kind: 'custom', from: '2025-03-01', to: '2025-03-31' }, now)).toEqual({ from: midnight(2025, 3, 1), to: midnight(2025, 4, 1), firstDay: '2025-03-01', lastDay: '2025-03-31' });
  });

  it('reads the address, swapping days the wrong way round and ignoring nonsense', () => {
    expect(periodFromQuery({ period: 'today' })).toEqual({ kind: 'today' });
    expect(periodFromQuery({ period: 'custom', from: '2025-05-07', to: '2025-05-01' })).toEqual({ kind: 'custom', from: '2025-05-01', to: '2025-05-07' });
    expect(periodFromQuery({ period: 'custom', from: '2025-02-30', to: '2025-03-01' })).toEqual({ kind: 'last7' });
    expect(periodFromQuery({ period: 'forever' })).toEqual({ kind: 'last7' });
    expect(periodFromQuery({})).toEqual({ kind: 'last7' });
    expect(periodToQuery({ kind: 'custom', from: '2025-05-01', to: '2025-05-07' })).toEqual({ period: 'custom', from: '2025-05-01', to: '2025-05-07' });
    expect(periodToQuery({ kind: 'last30' })).toEqual({ period: 'last30' });
  });

  it('writes and reads days in the browser’s time zone', () => {
    expect(dayOf(new Date(2025, 0, 9, 23, 59))).toBe('2025-01-09');
    expect(parseDay('2024-02-29')?.getTime()).toBe(midnight(2024, 2, 29));
    expect(parseDay('2025-02-29')).toBeNull();
  });
});
