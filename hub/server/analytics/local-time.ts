// An hour of UTC as a store's local weekday (0 Monday … 6 Sunday) and hour of the day,
// remembered per time zone and hour: a heat map of a month asks about 720 hours, not
// about every row.
const formatters = new Map<string, Intl.DateTimeFormat>();
const seen = new Map<string, { weekday: number; hour: number }>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function localWeekdayHour(at: number, timezone: string): { weekday: number; hour: number } {
  const key = `${timezone}|${at}`;
  const known = seen.get(key);
  if (known) return known;
  let f = formatters.get(timezone);
  if (!f) formatters.set(timezone, (f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const value = { weekday: WEEKDAYS.indexOf(parts.weekday ?? 'Mon'), hour: Number(parts.hour) % 24 };
  if (seen.size > 100_000) seen.clear();
  seen.set(key, value);
  return value;
}
