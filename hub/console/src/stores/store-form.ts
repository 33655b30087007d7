// The store form's rules, pure: a draft as the inputs hold it, checked with the
// contract's StoreRecord (plus what a person would get wrong), and each problem keyed
// by the field it belongs to.
import type { z } from 'zod';
import { StoreRecord, WEEKDAYS, type OpenSpan, type Weekday } from '../../../../content/schema/hub-api/console/stores.ts';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from './time-zones.ts';

export interface SpanDraft {
  open: string;
  close: string;
}
export interface HolidayDraft {
  date: string;
  name: string;
  closed: boolean;
  hours: SpanDraft[];
}
export interface StoreDraft {
  id: string;
  name: string;
  timezone: string;
  hours: Record<Weekday, SpanDraft[]>;
  holidays: HolidayDraft[];
}

export type StoreErrorKey =
  | 'required'
  | 'id'
  | 'idTaken'
  | 'tooLong'
  | 'timezone'
  | 'time'
  | 'sameOpenClose'
  | 'tooManySpans'
  | 'date'
  | 'dateTwice'
  | 'holidayHours'
  | 'tooManyHolidays'
  | 'invalid';

/** Problems by field path: `name`, `hours.mon.0.close`, `holidays.2.date`. */
export type FieldErrors = Record<string, StoreErrorKey>;

export type PutStoreBody = Omit<z.input<typeof StoreRecord>, 'id'>;
export type StoreCheck = { ok: true; id: string; body: PutStoreBody } | { ok: false; errors: FieldErrors };

export function emptyDraft(): StoreDraft {
  const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ open: '10:00', close: '22:00' }]])) as Record<Weekday, SpanDraft[]>;
  return { id: '', name: '', timezone: DEFAULT_TIME_ZONE, hours, holidays: [] };
}

export function draftFrom(store: z.output<typeof StoreRecord>): StoreDraft {
  const copy = (spans: readonly OpenSpan[]) => spans.map((s) => ({ open: s.open, close: s.close }));
  return {
    id: store.id,
    name: store.name,
    timezone: store.timezone,
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, copy(store.hours[d])])) as Record<Weekday, SpanDraft[]>,
    holidays: store.holidays.map((h) => ({ date: h.date, name: h.name, closed: h.hours.length === 0, hours: copy(h.hours) })),
  };
}

/** "9:30" → "09:30"; anything else is left for the contract to judge. */
export function normaliseTime(value: string): string {
  const v = value.trim();
  return /^\d:\d\d$/.test(v) ? `0${v}` : v;
}

/** A span closing before it opens runs past midnight (22:00–02:00). */
export function isOvernight(span: SpanDraft): boolean {
  const open = normaliseTime(span.open);
  const close = normaliseTime(span.close);
  return /^\d\d:\d\d$/.test(open) && /^\d\d:\d\d$/.test(close) && close < open;
}

function keyFor(path: readonly PropertyKey[]): StoreErrorKey {
  const [head, , third, fourth, fifth] = path;
  if (head === 'id') return 'id';
  if (head === 'name') return 'tooLong';
  if (head === 'timezone') return 'timezone';
  if (head === 'hours') return path.length >= 4 ? 'time' : 'tooManySpans';
  if (head === 'holidays') {
    if (path.length === 1) return 'tooManyHolidays';
    if (third === 'date') return 'date';
    if (third === 'name') return 'tooLong';
    if (third === 'hours') return fourth === undefined ? 'tooManySpans' : fifth === undefined ? 'invalid' : 'time';
  }
  return 'invalid';
}

export function validateStore(draft: StoreDraft, opts: { isNew: boolean; takenIds: readonly string[] }): StoreCheck {
  const spans = (list: readonly SpanDraft[]) => list.map((s) => ({ open: normaliseTime(s.open), close: normaliseTime(s.close) }));
  const candidate = {
    id: draft.id.trim(),
    name: draft.name.trim(),
    timezone: draft.timezone.trim(),
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, spans(draft.hours[d])])),
    holidays: draft.holidays.map((h) => ({ date: h.date.trim(), name: h.name.trim(), hours: h.closed ? [] : spans(h.hours) })),
  };

  const errors: FieldErrors = {};
  const parsed = StoreRecord.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= keyFor(issue.path);
    }
  }

  // What the contract allows but a person did not mean.
  if (!candidate.name) errors.name ??= 'required';
  if (!candidate.id) errors.id = 'required';
  else if (opts.isNew && opts.takenIds.includes(candidate.id)) errors.id ??= 'idTaken';
  if (!candidate.timezone) errors.timezone = 'required';
  else if (!isKnownTimeZone(candidate.timezone)) errors.timezone ??= 'timezone';
  const checkSame = (list: readonly SpanDraft[], prefix: string) =>
    list.forEach((s, i) => {
      if (s.open && s.open === s.close) errors[`${prefix}.${i}.close`] ??= 'sameOpenClose';
    });
  for (const d of WEEKDAYS) checkSame(candidate.hours[d] ?? [], `hours.${d}`);
  const seen = new Set<string>();
  draft.holidays.forEach((h, i) => {
    const holiday = candidate.holidays[i]!;
    if (!holiday.date) errors[`holidays.${i}.date`] = 'required';
    else if (seen.has(holiday.date)) errors[`holidays.${i}.date`] ??= 'dateTwice';
    seen.add(holiday.date);
    if (!h.closed && h.hours.length === 0) errors[`holidays.${i}.hours`] ??= 'holidayHours';
    checkSame(holiday.hours, `holidays.${i}.hours`);
  });

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  const { id, ...body } = candidate;
  return { ok: true, id, body: body as PutStoreBody };
}

/**
 * The week in a line: days with the same hours grouped ("Mon–Fri 10:00–22:00 · Sun closed").
 */
export function weekSummary(hours: Readonly<Record<Weekday, readonly OpenSpan[]>>, dayName: (d: Weekday) => string, closed: string): string {
  const text = (d: Weekday) => (hours[d].length ? hours[d].map((s) => `${s.open}–${s.close}`).join(', ') : closed);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= WEEKDAYS.length; i++) {
    if (i < WEEKDAYS.length && text(WEEKDAYS[i]!) === text(WEEKDAYS[start]!)) continue;
    const first = WEEKDAYS[start]!;
    const last = WEEKDAYS[i - 1]!;
    parts.push(`${first === last ? dayName(first) : `${dayName(first)}–${dayName(last)}`} ${text(first)}`);
    start = i;
  }
  return parts.join(' · ');
}
