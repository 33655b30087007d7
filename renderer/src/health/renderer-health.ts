// The renderer's part of the hub heartbeat, made from what the page knows: the outbox's
// numbers, the JS heap, the frame rate, the last shopper interaction, the session and
// the scanners. Pure: the caller reads the page and the stores.
import type { RendererHealth } from '../../../electron/common/kiosk-api.ts';
import type { OutboxHealth } from '../events/outbox-health.ts';

export interface RendererReadings {
  /** The engagement log's health, or null when the outbox cannot be read. */
  outbox: OutboxHealth | null;
  /** performance.memory.usedJSHeapSize where the browser has it. */
  jsHeapBytes: number | null;
  fps: number | null;
  /** performance.now() of the last shopper activity, 0 when there was none. */
  lastActivityAt: number;
  sessionActive: boolean;
  scanner: 'keyboard' | 'hid-connected';
  /** Date.now() and performance.now() read together, to turn page times into epoch ms. */
  now: { epoch: number; page: number };
}

const whole = (n: number) => Math.max(0, Math.round(n));

export function rendererHealth(r: RendererReadings): RendererHealth {
  const o = r.outbox;
  return {
    outbox: o
      ? {
          depth: whole(o.queueDepth),
          bytes: whole(o.queueBytes),
          oldestUnsentAgeMs: o.oldestUnsentAgeMs === null ? null : Math.max(0, o.oldestUnsentAgeMs),
          lastSuccessAt: o.lastSuccessAt,
          shedTotal: whole(o.shedTotal),
          quarantinedTotal: whole(o.quarantinedTotal),
        }
      : null,
    jsHeapBytes: r.jsHeapBytes === null || !Number.isFinite(r.jsHeapBytes) ? null : Math.max(0, r.jsHeapBytes),
    fps: r.fps,
    lastInteractionAt: r.lastActivityAt > 0 ? Math.round(r.now.epoch - (r.now.page - r.lastActivityAt)) : null,
    session: r.sessionActive ? 'active' : 'idle',
    scanner: r.scanner,
  };
}

/** Chromium's non-standard heap reading, null elsewhere. */
export function usedJsHeapBytes(perf: Performance = performance): number | null {
  const memory = (perf as Performance & { memory?: { usedJSHeapSize?: unknown } }).memory;
  return typeof memory?.usedJSHeapSize === 'number' ? memory.usedJSHeapSize : null;
}
