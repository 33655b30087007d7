// The tracking plan as a document anyone can read without our code: the version, its
// history, and each event's description and JSON Schema (draft 2020-12), generated from
// the same zod declarations the kiosk and the hub use.
import { z } from 'zod';
import { PLAN_CHANGES, TRACKING_PLAN, TRACKING_PLAN_VERSION } from './tracking-plan.ts';

export interface TrackingPlanDocument {
  version: string;
  changes: { version: string; changes: string }[];
  /** The envelope every event travels in: a Segment `track` message. */
  envelope: string;
  events: Record<string, { description: string; properties: Record<string, unknown> }>;
}

let cached: TrackingPlanDocument | null = null;

export function trackingPlanDocument(): TrackingPlanDocument {
  cached ??= {
    version: TRACKING_PLAN_VERSION,
    changes: [...PLAN_CHANGES],
    envelope:
      'Each event is a Segment track message: { type: "track", messageId, anonymousId (the shopper session), event, properties, originalTimestamp, sentAt, context: { app, library, locale, screen, kiosk: { deviceId, bootId, storeId, seq, monotonicMs, packId, packVersion } } }.',
    events: Object.fromEntries(
      Object.entries(TRACKING_PLAN).map(([name, e]) => [name, { description: e.description, properties: z.toJSONSchema(e.properties, { io: 'input' }) as Record<string, unknown> }]),
    ),
  };
  return cached;
}
