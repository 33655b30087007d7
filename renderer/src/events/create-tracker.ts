// The Tracker the app calls: builds a Segment track message from the event name, its
// properties and where the kiosk is (device, boot, pack, locale, screen), and resolves
// once the outbox has it on disk.
import { v7 as uuidv7 } from 'uuid';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import { LIBRARY, type DraftMessage } from './envelope.ts';
import type { Outbox } from './outbox.ts';
import type { Tracker } from './tracker.ts';

export interface TrackerSource {
  deviceId: string;
  bootId: string;
  storeId: string;
  app: { name: string; version: string };
  /** The current shopper session, or null between shoppers. */
  anonymousId(): string | null;
  locale(): string;
  pack(): { packId: string; version: string } | null;
  screen?(): { width: number; height: number; density: number };
  now?(): number;
  monotonic?(): number;
}

function browserScreen() {
  return typeof window === 'undefined'
    ? { width: 0, height: 0, density: 1 }
    : { width: window.screen.width, height: window.screen.height, density: window.devicePixelRatio };
}

export interface KioskTracker extends Tracker {
  /** The message `track` would store, for callers that store it themselves (drop reports). */
  draft(event: string, properties: Record<string, unknown>): DraftMessage;
}

export function createTracker(outbox: Outbox, source: TrackerSource): KioskTracker {
  const kioskAnonymousId = `kiosk-${source.bootId}`;
  function draft(event: string, properties: Record<string, unknown>): DraftMessage {
    const pack = source.pack();
    return {
      type: 'track',
      messageId: uuidv7(),
      anonymousId: source.anonymousId() ?? kioskAnonymousId,
      event,
      properties,
      originalTimestamp: new Date(source.now?.() ?? Date.now()).toISOString(),
      context: {
        app: source.app,
        library: LIBRARY,
        locale: source.locale(),
        screen: (source.screen ?? browserScreen)(),
        kiosk: {
          deviceId: source.deviceId,
          bootId: source.bootId,
          storeId: source.storeId,
          monotonicMs: Math.round(source.monotonic?.() ?? performance.now()),
          packId: pack?.packId ?? null,
          packVersion: pack?.version ?? null,
        },
      },
    };
  }
  return {
    draft,
    track<E extends EventName>(event: E, properties: EventCatalogue[E]): Promise<void> {
      return outbox.append(draft(event, properties as Record<string, unknown>));
    },
  };
}
