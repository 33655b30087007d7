// A dashboard's period split between the rollups that answer it: the whole days that are
// built come from the daily tables, everything else (the partial days at the ends, days
// not built yet or changed since) from the hourly ones. Pure: the built days are given.
//
// A period [from, to) reads the hour rows that start in [floor(from), to), as the hourly
// queries always have; for day-grained rollups (scans) the day rows that start in
// [floor(from), to). Split that way, the daily and the hourly part never overlap and
// together cover exactly those rows, so a dashboard's figures do not change.

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** [from, to), epoch ms. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface SplitPeriod {
  /** Built whole days, merged where they follow one another: read from the daily tables. */
  daily: TimeRange[];
  /** The rest, on `grain` boundaries: read from the hourly tables (or per-kiosk day rows). */
  rest: TimeRange[];
}

export const floorTo = (at: number, unit: number) => at - (((at % unit) + unit) % unit);
export const ceilTo = (at: number, unit: number) => floorTo(at + unit - 1, unit);

/** The rows' span a period reads, on `grain` boundaries: the rows starting in [floor(from), to). */
export function rowSpan(from: number, to: number, grain: number): TimeRange {
  const start = floorTo(from, grain);
  return { from: start, to: Math.max(start, ceilTo(to, grain)) };
}

/** The whole days inside the rows' span (empty when there is none). */
export function wholeDays(from: number, to: number, grain: number): TimeRange {
  const span = rowSpan(from, to, grain);
  const first = ceilTo(span.from, DAY);
  const end = floorTo(span.to, DAY);
  return end > first ? { from: first, to: end } : { from: first, to: first };
}

/** Appends [from, to) to sorted, disjoint `ranges`, joining it to the last one when they touch. */
function append(ranges: TimeRange[], from: number, to: number): void {
  if (to <= from) return;
  const last = ranges.at(-1);
  if (last && last.to === from) last.to = to;
  else ranges.push({ from, to });
}

/** Splits the period [from, to) of a rollup with rows of `grain` (HOUR or DAY) given the days that are built. */
export function splitPeriod(from: number, to: number, grain: number, built: ReadonlySet<number>): SplitPeriod {
  const span = rowSpan(from, to, grain);
  const days = wholeDays(from, to, grain);
  const daily: TimeRange[] = [];
  const rest: TimeRange[] = [];
  let at = span.from;
  for (let day = days.from; day < days.to; day += DAY) {
    if (!built.has(day)) continue;
    append(rest, at, day);
    append(daily, day, day + DAY);
    at = day + DAY;
  }
  append(rest, at, span.to);
  return { daily, rest };
}

/** Every day start in the day rows a period reads (a day-grained rollup's period as a list). */
export function daysIn(from: number, to: number): number[] {
  const span = rowSpan(from, to, DAY);
  const out: number[] = [];
  for (let day = span.from; day < span.to; day += DAY) out.push(day);
  return out;
}
