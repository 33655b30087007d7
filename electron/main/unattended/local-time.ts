// Wall-clock times in the kiosk's time zone (the night window, the nightly restart), with
// the clock changes handled: a time the clock skips (spring forward) is taken an hour
// later, a time it passes twice (fall back) counts once, the first time. Pure: the time
// zone and the instant are given.

/** "HH:MM" as minutes after midnight. */
export function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`"${time}" is not a time of day as HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock date and time at an instant in a time zone. */
export function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** The wall-clock time as if it were UTC: comparable numbers for local times. */
const wallMs = (p: LocalParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
/** How far the zone's clock is ahead of UTC at an instant. */
const offsetAt = (at: number, timeZone: string) => wallMs(localParts(at, timeZone)) - Math.floor(at / 1000) * 1000;

/**
 * The instant a wall-clock time happens on a local date. Passed twice (fall back): the
 * first time. Skipped (spring forward): the instant the clock shows it an hour later.
 */
export function instantOf(date: { year: number; month: number; day: number }, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60);
  const candidates = [wall - offsetAt(wall - 86_400_000, timeZone), wall - offsetAt(wall + 86_400_000, timeZone)];
  const exact = candidates.filter((c) => wallMs(localParts(c, timeZone)) === wall);
  return exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
}

/** The last instant at or before `now` when the wall clock showed `minutes` (today's, or yesterday's). */
export function lastOccurrence(now: number, minutes: number, timeZone: string): number {
  const today = localParts(now, timeZone);
  const todays = instantOf(today, minutes, timeZone);
  if (todays <= now) return todays;
  // The calendar day before (date arithmetic only: no clock change can skip or repeat it).
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  return instantOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, minutes, timeZone);
}

/** Whether the wall clock is inside [from, to) — a window that crosses midnight (22:00–06:00) too. */
export function insideWindow(now: number, window: { from: string; to: string }, timeZone: string): boolean {
  const p = localParts(now, timeZone);
  const m = p.hour * 60 + p.minute;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return true;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** The system's time zone (what Chromium and Node use when kiosk.json names none). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
