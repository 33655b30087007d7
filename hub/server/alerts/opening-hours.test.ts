import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, isOpen, isTimezone, openingView, openMsBetween, type StoreHours } from './opening-hours.ts';

const SHANGHAI: StoreHours = { timezone: 'Asia/Shanghai', hours: DEFAULT_HOURS, holidays: [] };
/** 2026-12-07 is a Monday; Shanghai is UTC+8 all year. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const MIN = 60_000;

describe('opening hours', () => {
  it('is open during the day and closed at night, in the store\'s own time zone', () => {
    expect(isOpen(SHANGHAI, at('2026-12-07T08:59:00'))).toBe(false);
    expect(isOpen(SHANGHAI, at('2026-12-07T09:00:00'))).toBe(true);
    expect(isOpen(SHANGHAI, at('2026-12-07T20:59:59'))).toBe(true);
    expect(isOpen(SHANGHAI, at('2026-12-07T21:00:00'))).toBe(false);
    expect(isOpen(SHANGHAI, at('2026-12-08T03:00:00'))).toBe(false);
  });

  it('counts only open time: a kiosk dark from 20:55 has been offline 5 open minutes at 09:10 the next day, then 10', () => {
    expect(openMsBetween(SHANGHAI, at('2026-12-07T20:55:00'), at('2026-12-08T08:30:00'))).toBe(5 * MIN);
    expect(openMsBetween(SHANGHAI, at('2026-12-07T20:55:00'), at('2026-12-08T09:05:00'))).toBe(10 * MIN);
    expect(openMsBetween(SHANGHAI, at('2026-12-07T10:00:00'), at('2026-12-07T10:20:00'))).toBe(20 * MIN);
  });

  it('runs a span that closes before it opens past midnight, and gives a holiday its own hours', () => {
    const bar: StoreHours = {
      timezone: 'Asia/Shanghai',
      hours: { ...DEFAULT_HOURS, mon: [{ open: '18:00', close: '02:00' }], tue: [] },
      holidays: [{ date: '2026-12-09', name: 'Stocktake', hours: [] }, { date: '2026-12-10', name: 'Late opening', hours: [{ open: '12:00', close: '14:00' }] }],
    };
    expect(isOpen(bar, at('2026-12-08T01:30:00'))).toBe(true); // Monday's span, on Tuesday
    expect(isOpen(bar, at('2026-12-08T12:00:00'))).toBe(false); // Tuesday closed
    expect(isOpen(bar, at('2026-12-09T12:00:00'))).toBe(false); // holiday closed
    expect(isOpen(bar, at('2026-12-10T10:00:00'))).toBe(false);
    expect(isOpen(bar, at('2026-12-10T13:00:00'))).toBe(true);
    expect(openMsBetween(bar, at('2026-12-07T00:00:00'), at('2026-12-11T00:00:00'))).toBe((8 + 2) * 60 * MIN);
  });

  it('follows daylight saving time where the store has it', () => {
    const berlin: StoreHours = { timezone: 'Europe/Berlin', hours: DEFAULT_HOURS, holidays: [] };
    // 29 March 2026: clocks go from 02:00 to 03:00; 09:00 local is 07:00 UTC that day, 08:00 UTC the day before.
    expect(isOpen(berlin, Date.parse('2026-03-28T08:00:00Z'))).toBe(true);
    expect(isOpen(berlin, Date.parse('2026-03-28T07:59:00Z'))).toBe(false);
    expect(isOpen(berlin, Date.parse('2026-03-29T07:00:00Z'))).toBe(true);
    expect(isOpen(berlin, Date.parse('2026-03-29T06:59:00Z'))).toBe(false);
  });

  it('knows time zone names', () => {
    expect(isTimezone('Asia/Shanghai')).toBe(true);
    expect(isTimezone('Mars/Olympus')).toBe(false);
  });

  it('gives the same answers from a view worked out once as from asking each time', () => {
    const bar: StoreHours = { timezone: 'Asia/Shanghai', hours: { ...DEFAULT_HOURS, mon: [{ open: '18:00', close: '02:00' }] }, holidays: [{ date: '2026-12-09', name: '', hours: [] }] };
    for (const now of [at('2026-12-08T01:30:00'), at('2026-12-09T12:00:00'), at('2026-12-10T09:20:00'), at('2026-12-10T22:00:00')]) {
      const view = openingView(bar, now);
      expect(view.openNow).toBe(isOpen(bar, now));
      for (const back of [5 * MIN, 3 * 3_600_000, 2 * 86_400_000, 20 * 86_400_000]) {
        expect(view.openMsSince(now - back)).toBe(openMsBetween(bar, now - back, now));
      }
    }
  });
});
