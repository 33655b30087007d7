// POST /v1/batch: the kiosk's outbox uploads, in Segment's `/v1/batch` shape, and the
// hub answers for each event. Any Segment-compatible collector takes the same request;
// ours also says, per event, whether it was accepted, a duplicate, rejected for good or
// should be sent again.
import { z } from 'zod';
import { ApiErrorBody } from './errors.ts';
import { route } from './route.ts';

export const BatchRequest = z.object({
  /** Each message is checked on its own (track-message.ts): one bad event never sinks the rest. */
  batch: z.array(z.unknown()).max(10_000),
  sentAt: z.string().optional(),
  writeKey: z.string().optional(),
});
export type BatchRequest = z.infer<typeof BatchRequest>;

export const EventStatus = z.enum(['accepted', 'duplicate', 'rejected', 'retry']);
export type EventStatus = z.infer<typeof EventStatus>;

export const EventResult = z.object({
  messageId: z.string().nullable(),
  status: EventStatus,
  reason: z.string().optional(),
});
export type EventResult = z.infer<typeof EventResult>;

export const BatchResponse = z.object({
  success: z.boolean(),
  /** One per message, in the order sent; absent from collectors that answer for the whole batch. */
  results: z.array(EventResult).optional(),
});
export type BatchResponse = z.infer<typeof BatchResponse>;

export const batchRoute = route({
  method: 'POST',
  path: '/v1/batch',
  auth: 'kiosk',
  summary: 'Upload engagement events (Segment batch shape, gzip allowed); answers per event.',
  body: BatchRequest,
  responses: { 200: BatchResponse, 400: ApiErrorBody, 401: ApiErrorBody, 413: ApiErrorBody, 415: ApiErrorBody, 429: ApiErrorBody, 503: ApiErrorBody },
});
