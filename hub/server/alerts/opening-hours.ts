// When a store is open, in its own time zone: weekly spans (one closing before it opens
// runs past midnight) and holidays that replace a date's hours (none: closed all day).
// Alerts count only open time, so a kiosk switched off overnight raises nothing, and one
// that goes dark at 20:55 in a store closing at 21:00 is not "offline" until the next
// morning's first quarter of an hour has passed.
import type { Holiday, OpenSpan, Weekday, WeeklyHours } from '../../../content/schema/hub-api/console/stores.ts';

export interface StoreHours {
  timezone: string;
  hours: WeeklyHours;
  holidays: readonly Holiday[];
}

const DAY = 86_400_000;
const WEEKDAY_OF: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timezone, f);
  }
  return f;
}

/** Whether a time zone name is one the hub can use. */
export function isTimezone(timezone: string): boolean {
  try {
    formatter(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timezone` at `at`, as if it were UTC (ms). */
function wallClock(at: number, timezone: string): number {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/** The instant whose wall-clock time in `timezone` is `wall` (ms as if UTC); in a DST gap, the moment after it. */
function instantOf(wall: number, timezone: string): number {
  let guess = wall - (wallClock(wall, timezone) - wall);
  for (let i = 0; i < 3; i++) {
    const diff = wallClock(guess, timezone) - wall;
    if (diff === 0) break;
    guess -= diff;
  }
  return guess;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isoDate = (wallDay: number) => new Date(wallDay).toISOString().slice(0, 10);

/** The spans a local date has (its weekday's, or its holiday's), as wall-clock [start, end) ms. */
function spansOf(store: StoreHours, wallDay: number): [number, number][] {
  const date = isoDate(wallDay);
  const holiday = store.holidays.find((h) => h.date === date);
  const spans: readonly OpenSpan[] = holiday ? holiday.hours : store.hours[WEEKDAY_OF[new Date(wallDay).getUTCDay()]!];
  return spans.map((s) => {
    const open = minutes(s.open);
    let close = minutes(s.close);
    if (close <= open) close += 24 * 60;
    return [wallDay + open * 60_000, wallDay + close * 60_000];
  });
}

/** The open spans, as instants, of the local dates from the day before `from` to the day of `to`. */
function openSpans(store: StoreHours, from: number, to: number): [number, number][] {
  const firstDay = wallClock(from, store.timezone);
  const lastDay = wallClock(to, store.timezone);
  const out: [number, number][] = [];
  for (let day = firstDay - (firstDay % DAY) - DAY; day <= lastDay; day += DAY) {
    for (const [start, end] of spansOf(store, day)) out.push([instantOf(start, store.timezone), instantOf(end, store.timezone)]);
  }
  return out;
}

export function isOpen(store: StoreHours, at: number): boolean {
  return openSpans(store, at, at).some(([start, end]) => start <= at && at < end);
}

/** How long the store was open between two instants, ms. Looks back at most `lookBackMs`. */
export function openMsBetween(store: StoreHours, from: number, to: number, lookBackMs = 14 * DAY): number {
  const start = Math.max(from, to - lookBackMs);
  if (start >= to) return 0;
  let total = 0;
  for (const [a, b] of openSpans(store, start, to)) total += Math.max(0, Math.min(b, to) - Math.max(a, start));
  return total;
}

/**
 * A store's opening hours seen from one moment: its open spans over the look-back
 * worked out once, so asking about thousands of kiosks of that store is arithmetic.
 */
export interface OpeningView {
  openNow: boolean;
  /** How long the store was open from `from` until the view's moment, ms. */
  openMsSince(from: number): number;
}

export function openingView(store: StoreHours, now: number, lookBackMs = 14 * DAY): OpeningView {
  const start = now - lookBackMs;
  const spans = openSpans(store, start, now)
    .map(([a, b]): [number, number] => [Math.max(a, start), Math.min(b, now + 1)])
    .filter(([a, b]) => b > a);
  return {
    openNow: spans.some(([a, b]) => a <= now && now < b),
    openMsSince(from) {
      let total = 0;
      for (const [a, b] of spans) total += Math.max(0, Math.min(b, now) - Math.max(a, from));
      return total;
    },
  };
}

/** Open every day, 09:00–21:00: what a store gets until someone sets its hours. */
export const DEFAULT_HOURS: WeeklyHours = {
  mon: [{ open: '09:00', close: '21:00' }],
  tue: [{ open: '09:00', close: '21:00' }],
  wed: [{ open: '09:00', close: '21:00' }],
  thu: [{ open: '09:00', close: '21:00' }],
  fri: [{ open: '09:00', close: '21:00' }],
  sat: [{ open: '09:00', close: '21:00' }],
  sun: [{ open: '09:00', close: '21:00' }],
};
