// The wire shape of one engagement event: a Segment `track` message, so a retailer can
// point kiosks at Segment, RudderStack or our own collector. The README's section for
// backend teams documents every field.

/** Where and on what a kiosk recorded an event. Nothing here identifies a person. */
export interface KioskContext {
  /** Stable per installation. */
  deviceId: string;
  /** New on every start of the kiosk app. */
  bootId: string;
  storeId: string;
  /** Per device, from 1, without gaps, across restarts: a missing number is a lost event. */
  seq: number;
  /** Milliseconds since the host started (bootId), on a monotonic clock: orders events even if the wall clock jumps or the screen reloads. */
  monotonicMs: number;
  packId: string | null;
  packVersion: string | null;
}

export interface TrackContext {
  app: { name: string; version: string };
  library: { name: string; version: string };
  locale: string;
  screen: { width: number; height: number; density: number };
  kiosk: KioskContext;
}

export interface TrackMessage {
  type: 'track';
  /** UUIDv7: unique, and sorts by creation time. */
  messageId: string;
  /** The shopper session (new on every wake); outside a session, `kiosk-<bootId>`. */
  anonymousId: string;
  event: string;
  properties: Record<string, unknown>;
  /** When it happened, by the kiosk's clock (ISO 8601). */
  originalTimestamp: string;
  /** Set on every upload attempt, so a backend can correct the kiosk's clock skew. */
  sentAt?: string;
  context: TrackContext;
}

/** A message before the outbox numbers it. */
export type DraftMessage = Omit<TrackMessage, 'context'> & { context: Omit<TrackContext, 'kiosk'> & { kiosk: Omit<KioskContext, 'seq'> } };

/** The largest event the outbox stores or sends, and the largest upload (Segment's limits): the wire contract's. */
export { MAX_BATCH_BYTES, MAX_EVENT_BYTES } from '../../../content/schema/hub-api/track-message.ts';
/** What an upload adds to each stored event: `,"sentAt":"<ISO time>"` and a comma. */
export const SENT_AT_BYTES = 48;

export const LIBRARY = { name: 'shopfront-kiosk-outbox', version: '1' } as const;

/** The message with its seq, as the JSON text that is stored and sent. */
export function numberMessage(draft: DraftMessage, seq: number): string {
  const message: TrackMessage = { ...draft, context: { ...draft.context, kiosk: { ...draft.context.kiosk, seq } } };
  return JSON.stringify(message);
}

/** Adds `sentAt` to a stored message's JSON text without parsing it again. */
export function withSentAt(json: string, sentAt: string): string {
  return `${json.slice(0, -1)},"sentAt":${JSON.stringify(sentAt)}}`;
}

/** UTF-8 length of a string, without allocating the bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
