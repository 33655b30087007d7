import { describe, expect, it } from 'vitest';
import { activeDaypart, localClock, Schedule } from './schedule.ts';

const schedule = Schedule.parse({
  default: { playlist: 'all-day', games: ['wheel'] },
  dayparts: [
    { name: 'breakfast', days: [1, 2, 3, 4, 5], from: '07:00', to: '10:00', playlist: 'breakfast', games: [] },
    { name: 'weekend', days: [6, 7], from: '10:00', to: '22:00', playlist: 'weekend', games: ['catch', 'scratch'] },
  ],
});

describe('which playlist and games run when', () => {
  it('runs a daypart inside its hours on its days, the default outside them', () => {
    expect(activeDaypart(schedule, { isoWeekday: 2, hhmm: '08:30' }).playlist).toBe('breakfast');
    expect(activeDaypart(schedule, { isoWeekday: 2, hhmm: '11:00' }).playlist).toBe('all-day');
    // Saturday morning is not breakfast on a weekdays-only daypart.
    expect(activeDaypart(schedule, { isoWeekday: 6, hhmm: '08:30' }).playlist).toBe('all-day');
    expect(activeDaypart(schedule, { isoWeekday: 7, hhmm: '15:00' })).toMatchObject({ playlist: 'weekend', games: ['catch', 'scratch'] });
  });

  it('starts a daypart at "from" and ends it just before "to"', () => {
    expect(activeDaypart(schedule, { isoWeekday: 1, hhmm: '07:00' }).playlist).toBe('breakfast');
    expect(activeDaypart(schedule, { isoWeekday: 1, hhmm: '09:59' }).playlist).toBe('breakfast');
    expect(activeDaypart(schedule, { isoWeekday: 1, hhmm: '10:00' }).playlist).toBe('all-day');
  });

  it('reads the kiosk-local weekday with Sunday as 7', () => {
    expect(localClock(new Date(2026, 11, 6, 9, 5))).toEqual({ isoWeekday: 7, hhmm: '09:05' });
    expect(localClock(new Date(2026, 11, 7, 23, 59))).toEqual({ isoWeekday: 1, hhmm: '23:59' });
  });

  it('refuses a daypart that ends before it starts, naming the field', () => {
    const bad = Schedule.safeParse({ default: { playlist: 'a' }, dayparts: [{ from: '18:00', to: '09:00', playlist: 'night' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['dayparts', 0, 'to'], message: '"to" must be later than "from" on the same day' });
  });
});
