import { describe, expect, it } from 'vitest';
import { emptyDraft, isOvernight, validateStore, weekSummary } from './store-form.ts';

describe('store form rules', () => {
  it('tells an overnight span from a bad time', () => {
    expect(isOvernight({ open: '22:00', close: '02:00' })).toBe(true);
    expect(isOvernight({ open: '10:00', close: '22:00' })).toBe(false);
    const draft = { ...emptyDraft(), id: 'sh-02', name: 'Xintiandi' };
    draft.hours.mon = [{ open: '10:00', close: '25:00' }];
    draft.hours.tue = [{ open: '22:00', close: '24:00' }];
    const check = validateStore(draft, { isNew: true, takenIds: [] });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors).toEqual({ 'hours.mon.0.close': 'time' });
  });

  it('refuses a time zone nobody knows', () => {
    const check = validateStore({ ...emptyDraft(), id: 'sh-02', name: 'Xintiandi', timezone: 'Mars/Olympus' }, { isNew: true, takenIds: [] });
    expect(check.ok ? null : check.errors.timezone).toBe('timezone');
  });

  it('writes the week in a line, grouping days with the same hours', () => {
    const draft = emptyDraft();
    draft.hours.sat = [{ open: '09:00', close: '23:00' }];
    draft.hours.sun = [];
    const check = validateStore({ ...draft, id: 'x1', name: 'X' }, { isNew: true, takenIds: [] });
    if (!check.ok) throw new Error('the draft should be valid');
    const day = (d: string) => d.slice(0, 1).toUpperCase() + d.slice(1);
    expect(weekSummary(check.body.hours, day, 'closed')).toBe('Mon–Fri 10:00–22:00 · Sat 09:00–23:00 · Sun closed');
  });
});
