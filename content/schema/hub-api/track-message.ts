// One engagement event on the wire: a Segment `track` message, at most 32 KB, with the
// kiosk's context when it comes from a kiosk. What the kiosk sends and what the hub
// (and any collector) checks; a message that fails here is rejected for good and the
// kiosk quarantines it, with a reason someone can act on.
import { z } from 'zod';

export const MAX_EVENT_BYTES = 32 * 1024;
/** The most one upload carries, uncompressed; the hub stops inflating beyond it. */
export const MAX_BATCH_BYTES = 500 * 1024;
/** The most events in one upload. */
export const MAX_BATCH_EVENTS = 500;

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not an ISO 8601 date-time' });

export const KioskEventContext = z.looseObject({
  deviceId: z.string().min(1).max(100),
  bootId: z.string().min(1).max(100).optional(),
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  monotonicMs: z.number().nonnegative().optional(),
  packId: z.string().max(100).nullable().optional(),
  packVersion: z.string().max(100).nullable().optional(),
});

export const TrackMessage = z
  .looseObject({
    type: z.literal('track', { message: 'only "track" messages are collected' }),
    messageId: z.string().min(1).max(100),
    anonymousId: z.string().min(1).max(200).optional(),
    userId: z.string().min(1).max(200).optional(),
    event: z.string().min(1).max(200),
    properties: z.record(z.string(), z.unknown()).optional(),
    originalTimestamp: isoTime.optional(),
    timestamp: isoTime.optional(),
    sentAt: isoTime.optional(),
    context: z.looseObject({ kiosk: KioskEventContext.optional() }).optional(),
  })
  .refine((m) => m.anonymousId !== undefined || m.userId !== undefined, { message: 'needs an anonymousId or a userId' });
export type TrackMessage = z.infer<typeof TrackMessage>;

export type CheckedMessage =
  | { ok: true; message: TrackMessage; json: string }
  | { ok: false; reason: string; messageId: string | null; deviceId: string | null; seq: number | null };

/** Best-effort identity of a message that failed validation, to record the rejection. */
function identity(raw: unknown): { messageId: string | null; deviceId: string | null; seq: number | null } {
  const m = (raw ?? {}) as { messageId?: unknown; context?: { kiosk?: { deviceId?: unknown; seq?: unknown } } };
  const kiosk = typeof m.context === 'object' && m.context ? m.context.kiosk : undefined;
  return {
    messageId: typeof m.messageId === 'string' && m.messageId.length <= 100 ? m.messageId : null,
    deviceId: typeof kiosk?.deviceId === 'string' && kiosk.deviceId.length <= 100 ? kiosk.deviceId : null,
    seq: Number.isSafeInteger(kiosk?.seq) && (kiosk!.seq as number) > 0 ? (kiosk!.seq as number) : null,
  };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Checks one message of a batch on its own: the rest of the batch never depends on it. */
export function checkTrackMessage(raw: unknown): CheckedMessage {
  let json: string;
  try {
    json = JSON.stringify(raw) ?? '';
  } catch (err) {
    const reason = err instanceof RangeError ? 'message is nested too deeply to store' : 'message cannot be written as JSON';
    return { ok: false, reason, ...identity(raw) };
  }
  const bytes = utf8Length(json);
  if (bytes > MAX_EVENT_BYTES) return { ok: false, reason: `message is ${bytes} bytes, the limit is ${MAX_EVENT_BYTES}`, ...identity(raw) };
  const parsed = TrackMessage.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { ok: false, reason, ...identity(raw) };
  }
  return { ok: true, message: parsed.data, json };
}
