// Stores and their opening hours: the alerts only speak while a store is open.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { StoreId } from '../enrolment.ts';
import { route } from '../route.ts';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'a time as HH:MM' });
export const OpenSpan = z.strictObject({ open: HHMM, close: HHMM });
export type OpenSpan = z.infer<typeof OpenSpan>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

/** Open spans per weekday (none: closed that day). A span closing before it opens runs past midnight. */
export const WeeklyHours = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(OpenSpan).max(4)])) as Record<Weekday, z.ZodArray<typeof OpenSpan>>);
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** A date that differs from the week: closed, or other hours. */
export const Holiday = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  name: z.string().max(80).default(''),
  /** Empty: closed all day. */
  hours: z.array(OpenSpan).max(4).default([]),
});
export type Holiday = z.infer<typeof Holiday>;

export const StoreRecord = z.object({
  id: StoreId,
  name: z.string().max(80),
  /** IANA time zone the hours are in. */
  timezone: z.string().max(64),
  hours: WeeklyHours,
  holidays: z.array(Holiday).max(366),
});
export type StoreRecord = z.infer<typeof StoreRecord>;

export const storesRoute = route({
  method: 'GET',
  path: '/api/stores',
  auth: 'console',
  summary: 'Every store with its opening hours and holidays.',
  responses: { 200: z.object({ stores: z.array(StoreRecord) }) },
});

export const putStoreRoute = route({
  method: 'PUT',
  path: '/api/stores/:id',
  auth: 'console',
  summary: "Creates or changes a store: its name, time zone, weekly hours and holidays.",
  params: z.object({ id: StoreId }),
  body: StoreRecord.omit({ id: true }).strict(),
  responses: { 200: StoreRecord, 400: ApiErrorBody, 403: ApiErrorBody },
});
