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

const encoder = new TextEncoder();
/** UTF-8 bytes of `text`; a text of length n is at most 3n bytes, so short ones are not encoded at all. */
function fitsIn(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  const bytes = encoder.encode(text).length;
  return bytes > maxBytes ? bytes : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const optionalText = (v: unknown, min: number, max: number) => v === undefined || text(v, min, max);
const optionalTime = (v: unknown) => v === undefined || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

/**
 * The same rules as TrackMessage, written out for the hub's hot path (a fleet uploads tens
 * of thousands of events a second). True only when TrackMessage would take the message as
 * it is; anything else goes through TrackMessage itself, for its exact reason.
 */
function plainlyValid(raw: unknown): raw is TrackMessage {
  if (!isRecord(raw) || raw.type !== 'track') return false;
  if (!text(raw.messageId, 1, 100) || !text(raw.event, 1, 200)) return false;
  if (!optionalText(raw.anonymousId, 1, 200) || !optionalText(raw.userId, 1, 200)) return false;
  if (raw.anonymousId === undefined && raw.userId === undefined) return false;
  if (raw.properties !== undefined && !isRecord(raw.properties)) return false;
  if (!optionalTime(raw.originalTimestamp) || !optionalTime(raw.timestamp) || !optionalTime(raw.sentAt)) return false;
  if (raw.context === undefined) return true;
  if (!isRecord(raw.context)) return false;
  const k = raw.context.kiosk;
  if (k === undefined) return true;
  if (!isRecord(k) || !text(k.deviceId, 1, 100) || !optionalText(k.bootId, 1, 100)) return false;
  if (typeof k.seq !== 'number' || !Number.isSafeInteger(k.seq) || k.seq < 1) return false;
  if (k.monotonicMs !== undefined && !(typeof k.monotonicMs === 'number' && Number.isFinite(k.monotonicMs) && k.monotonicMs >= 0)) return false;
  const pack = (v: unknown) => v === undefined || v === null || text(v, 0, 100);
  return pack(k.packId) && pack(k.packVersion);
}

/** Checks one message of a batch on its own: the rest of the batch never depends on it. */
export function checkTrackMessage(raw: unknown): CheckedMessage {
  let json: string;
  try {
    json = JSON.stringify(raw) ?? '';
  } catch (err) {
    const reason = err instanceof RangeError ? 'message is nested too deeply to store' : 'message cannot be written as JSON';
    return { ok: false, reason, ...identity(raw) };
  }
  const tooBig = fitsIn(json, MAX_EVENT_BYTES);
  if (tooBig !== null) return { ok: false, reason: `message is ${tooBig} bytes, the limit is ${MAX_EVENT_BYTES}`, ...identity(raw) };
  if (plainlyValid(raw)) return { ok: true, message: raw, json };
  const parsed = TrackMessage.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { ok: false, reason, ...identity(raw) };
  }
  return { ok: true, message: parsed.data, json };
}
