// GET /v1/tracking-plan: the tracking plan (content/schema/events) with each event's
// JSON Schema. Public: it describes the data and holds none.
import { z } from 'zod';
import { route } from './route.ts';

export const TrackingPlanBody = z.object({
  version: z.string(),
  changes: z.array(z.object({ version: z.string(), changes: z.string() })),
  envelope: z.string(),
  events: z.record(z.string(), z.object({ description: z.string(), properties: z.record(z.string(), z.unknown()) })),
});

export const trackingPlanRoute = route({
  method: 'GET',
  path: '/v1/tracking-plan',
  auth: 'public',
  summary: "The tracking plan: every event a kiosk sends, with its properties' JSON Schema.",
  responses: { 200: TrackingPlanBody, 304: z.undefined() },
});
