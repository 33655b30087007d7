import { describe, expect, it } from 'vitest';
import { gs1Year, parseGs1Date } from './gs1-date.ts';

const in2026 = new Date('2026-06-15T12:00:00');

describe('GS1 dates', () => {
  it('picks the century with the GS1 sliding window (49 years ahead, 50 behind)', () => {
    expect(gs1Year(26, in2026)).toBe(2026);
    expect(gs1Year(75, in2026)).toBe(2075); // 49 ahead
    expect(gs1Year(77, in2026)).toBe(1977); // 51 ahead → previous century
    expect(gs1Year(76, in2026)).toBe(2076); // 50 ahead is still this century
    expect(gs1Year(0, in2026)).toBe(2000);
    expect(gs1Year(99, new Date('2051-01-01T00:00:00'))).toBe(2099);
    expect(gs1Year(0, new Date('2051-01-01T00:00:00'))).toBe(2100); // −51 → next century
    expect(gs1Year(1, new Date('2051-01-01T00:00:00'))).toBe(2101); // −50 → next century
    expect(gs1Year(2, new Date('2051-01-01T00:00:00'))).toBe(2002);
  });

  it('reads a day', () => {
    expect(parseGs1Date('261231', true, in2026)).toEqual({ iso: '2026-12-31', endOfMonth: false });
    expect(parseGs1Date('280229', true, in2026)).toEqual({ iso: '2028-02-29', endOfMonth: false });
  });

  it('reads day 00 as the last day of the month, leap years included', () => {
    expect(parseGs1Date('260200', true, in2026)).toEqual({ iso: '2026-02-28', endOfMonth: true });
    expect(parseGs1Date('280200', true, in2026)).toEqual({ iso: '2028-02-29', endOfMonth: true });
    expect(parseGs1Date('260400', true, in2026)).toEqual({ iso: '2026-04-30', endOfMonth: true });
    expect(parseGs1Date('261200', true, in2026)).toEqual({ iso: '2026-12-31', endOfMonth: true });
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['261300', '260001', '260231', '270229', '260431', '2612', '26123A', '']) expect(parseGs1Date(bad, true, in2026), bad).toBeNull();
    expect(parseGs1Date('260100', false, in2026)).toBeNull();
  });
});
