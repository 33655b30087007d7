// Every 30 s (and once at start) the renderer tells the host how it is doing, for the
// hub's heartbeat: the outbox, the JS heap, the frame rate over the last minute, the last
// shopper interaction, the session and the scanners. Frames are counted with
// requestAnimationFrame; while the page is hidden there is no frame rate to report.
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { OutboxHealth } from '../events/outbox-health.ts';
import { FpsMeter } from './fps-meter.ts';
import { rendererHealth, usedJsHeapBytes } from './renderer-health.ts';

export const HEALTH_REPORT_EVERY_MS = 30_000;

export interface HealthReportSources {
  host: Pick<KioskApi, 'reportRendererHealth'>;
  outboxHealth: () => Promise<OutboxHealth>;
  session: { readonly active: boolean; readonly lastActivityAt: number };
  scanner: { readonly state: 'keyboard' | 'hid-connected' };
  everyMs?: number;
}

/** Starts reporting; returns a function that stops it. */
export function startHealthReports(sources: HealthReportSources): () => void {
  const meter = new FpsMeter();
  let frame = 0;
  const onFrame = (at: number) => {
    meter.frame(at);
    frame = requestAnimationFrame(onFrame);
  };
  frame = requestAnimationFrame(onFrame);
  const onVisibility = () => {
    if (document.hidden) meter.reset();
  };
  document.addEventListener('visibilitychange', onVisibility);

  async function report(): Promise<void> {
    const outbox = await sources.outboxHealth().catch(() => null);
    const page = performance.now();
    const snapshot = rendererHealth({
      outbox,
      jsHeapBytes: usedJsHeapBytes(),
      fps: document.hidden ? null : meter.fps(page),
      lastActivityAt: sources.session.lastActivityAt,
      sessionActive: sources.session.active,
      scanner: sources.scanner.state,
      now: { epoch: Date.now(), page },
    });
    // Health only: a host that cannot take the report must not disturb the kiosk.
    await sources.host.reportRendererHealth(snapshot).catch(() => undefined);
  }

  void report();
  const timer = setInterval(() => void report(), sources.everyMs ?? HEALTH_REPORT_EVERY_MS);
  return () => {
    cancelAnimationFrame(frame);
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
