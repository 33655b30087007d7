// The period a report covers: today, the last 7 or 30 days (today included), or two
// days picked by hand. Days are the browser's; a period is [from, to) in epoch ms, from
// the first day's midnight to the midnight after the last day.

export const PERIOD_PRESETS = ['today', 'last7', 'last30'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What the user chose; `from`/`to` are days (YYYY-MM-DD), both included. */
export type PeriodChoice = { kind: PeriodPreset } | { kind: 'custom'; from: string; to: string };

export const DEFAULT_PERIOD: PeriodChoice = { kind: 'last7' };

export interface Period {
  /** Epoch ms, inclusive: the first day's midnight in the browser's time zone. */
  from: number;
  /** Epoch ms, exclusive: the midnight after the last day. */
  to: number;
  firstDay: string;
  lastDay: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** A day as YYYY-MM-DD, in the browser's time zone. */
export function dayOf(at: number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local midnight that starts `day`, or null when it is not a real day. */
export function parseDay(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(y, mo, d);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

/** The local midnight `n` days after `date`'s day (n may be negative; DST-safe). */
function addDays(date: Date, n: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + n);
}

const PRESET_DAYS: Record<PeriodPreset, number> = { today: 1, last7: 7, last30: 30 };

export function periodOf(choice: PeriodChoice, now: number): Period {
  let first: Date;
  let last: Date;
  if (choice.kind === 'custom') {
    first = parseDay(choice.from)!;
    last = parseDay(choice.to)!;
  } else {
    last = addDays(new Date(now), 0);
    first = addDays(last, 1 - PRESET_DAYS[choice.kind]);
  }
  return { from: first.getTime(), to: addDays(last, 1).getTime(), firstDay: dayOf(first), lastDay: dayOf(last) };
}

const first = (v: unknown): string | undefined => {
  const value = Array.isArray(v) ? v[0] : v;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The period in an address (`period=last7`, or `period=custom&from=…&to=…`). Anything
 * unreadable is the default; two days the wrong way round are swapped.
 */
export function periodFromQuery(query: Record<string, unknown>): PeriodChoice {
  const kind = first(query.period);
  if ((PERIOD_PRESETS as readonly string[]).includes(kind ?? '')) return { kind: kind as PeriodPreset };
  if (kind === 'custom') {
    const from = first(query.from) ?? '';
    const to = first(query.to) ?? '';
    if (parseDay(from) && parseDay(to)) return from <= to ? { kind: 'custom', from, to } : { kind: 'custom', from: to, to: from };
  }
  return DEFAULT_PERIOD;
}

export function periodToQuery(choice: PeriodChoice): Record<string, string> {
  return choice.kind === 'custom' ? { period: 'custom', from: choice.from, to: choice.to } : { period: choice.kind };
}
