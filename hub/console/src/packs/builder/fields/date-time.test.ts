import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './date-time.ts';

describe('times between the pack format and a datetime-local input', () => {
  it('round-trips a local time with the browser’s offset', () => {
    const iso = fromLocalInput('2026-12-01T09:30')!;
    expect(iso).toMatch(/^2026-12-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 11, 1, 9, 30).getTime());
    expect(toLocalInput(iso)).toBe('2026-12-01T09:30');
  });

  it('shows another zone’s time as the same instant here, and nothing for nothing', () => {
    const local = toLocalInput('2026-12-01T00:00:00+08:00');
    expect(new Date(local).getTime()).toBe(Date.parse('2026-12-01T00:00:00+08:00'));
    expect(toLocalInput(undefined)).toBe('');
    expect(fromLocalInput('')).toBeUndefined();
  });
});
