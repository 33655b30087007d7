// App events: what the kiosk did, in order (screen changes, sessions, pack loads).
// End-to-end tests wait on these through window.__kioskTest instead of sleeping.

export interface AppEvent {
  seq: number;
  type: string;
  detail: Record<string, unknown>;
  at: number;
}

const MAX_EVENTS = 1000;
const events: AppEvent[] = [];
let seq = 0;

export function emitAppEvent(type: string, detail: Record<string, unknown> = {}): void {
  const event = { seq: ++seq, type, detail, at: performance.now() };
  events.push(event);
  if (events.length > MAX_EVENTS) events.splice(0, events.length - MAX_EVENTS);
  window.dispatchEvent(new CustomEvent('kiosk:app-event', { detail: event }));
}

export function recentAppEvents(): readonly AppEvent[] {
  return events;
}

declare global {
  interface Window {
    __kioskTest?: { events: readonly AppEvent[] };
  }
}

export function installTestHook(): void {
  Object.defineProperty(window, '__kioskTest', { value: Object.freeze({ events }), configurable: false, writable: false });
}
