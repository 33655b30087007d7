import { z } from 'zod';
import { ClockTime, RecordId } from './primitives.ts';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export const Weekday = z.number().int().min(1).max(7);

export const WeeklyWindow = z
  .object({
    days: z.array(Weekday).min(1).default([1, 2, 3, 4, 5, 6, 7]),
    from: ClockTime,
    to: ClockTime,
  })
  .strict()
  .refine((w) => w.from < w.to, { message: '"to" must be later than "from" on the same day', path: ['to'] });
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;

/** What runs when: the attract playlist and the games on offer. */
export const Daypart = WeeklyWindow.and(
  z.object({ name: z.string().max(40).optional(), playlist: RecordId, games: z.array(RecordId).default([]) }),
);
export type Daypart = z.infer<typeof Daypart>;

export const Schedule = z
  .object({
    default: z.object({ playlist: RecordId, games: z.array(RecordId).default([]) }).strict(),
    dayparts: z.array(Daypart).max(50).default([]),
  })
  .strict();
export type Schedule = z.infer<typeof Schedule>;

/** True when the kiosk-local time falls in the window. */
export function inWindow(window: WeeklyWindow, local: { isoWeekday: number; hhmm: string }): boolean {
  return window.days.includes(local.isoWeekday) && local.hhmm >= window.from && local.hhmm < window.to;
}

/** The playlist and games for this moment: the first matching daypart, else the default. */
export function activeDaypart(schedule: Schedule, local: { isoWeekday: number; hhmm: string }) {
  return schedule.dayparts.find((d) => inWindow(d, local)) ?? schedule.default;
}

export function localClock(date: Date): { isoWeekday: number; hhmm: string } {
  const day = date.getDay();
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return { isoWeekday: day === 0 ? 7 : day, hhmm: `${hh}:${mm}` };
}
