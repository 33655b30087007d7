// App events: what the kiosk did, in order (screen changes, sessions, pack loads).
// End-to-end tests wait on these through window.__kioskTest instead of sleeping. The
// names and payloads are declared once, in app-event-catalogue.ts.
import type { AppEvent, AppEventMap, AppEventName } from './app-event-catalogue.ts';

export type { AppEvent, AppEventMap, AppEventName };

const MAX_EVENTS = 1000;
const events: AppEvent[] = [];
let seq = 0;

type NoDetail<K extends AppEventName> = AppEventMap[K] extends Record<string, never> ? [] : [detail: AppEventMap[K]];

export function emitAppEvent<K extends AppEventName>(type: K, ...[detail]: NoDetail<K>): void {
  const event = { seq: ++seq, type, detail: detail ?? {}, at: performance.now() } as AppEvent;
  events.push(event);
  if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
  window.dispatchEvent(new CustomEvent('kiosk:app-event', { detail: event }));
}

export function recentAppEvents(): readonly AppEvent[] {
  return events;
}

/**
 * Figures a benchmark may read from the running kiosk by name (the soak reads the
 * outbox's health and what the game renderer holds): registered by the code that owns
 * them, read with `window.__kioskTest.probe(name)`; null for a name nobody registered.
 */
const probes = new Map<string, () => unknown>();

export function registerTestProbe(name: string, read: () => unknown): void {
  probes.set(name, read);
}

async function probe(name: string): Promise<unknown> {
  const read = probes.get(name);
  return read ? await read() : null;
}

declare global {
  interface Window {
    __kioskTest?: { events: readonly AppEvent[]; probe(name: string): Promise<unknown> };
  }
}

export function installTestHook(): void {
  Object.defineProperty(window, '__kioskTest', { value: Object.freeze({ events, probe }), configurable: false, writable: false });
}
