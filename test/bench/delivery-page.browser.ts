// A bare page that runs the kiosk's real engagement log (outbox, tracker, uploader) in
// Chromium, for the delivery e2e tests and benchmarks to drive many events through it
// without the kiosk UI. Bundled by delivery-harness.ts; settings come from the query
// string: ?collector=<url>&writeKey=…&budget=…&timeoutMs=…&baseMs=…&capMs=…&maxEvents=…
import { startEngagementLog, type EngagementLog } from '../../renderer/src/events/engagement-log.ts';
import { createWebHost } from '../../renderer/src/host/web-host.ts';

declare global {
  interface Window {
    __delivery?: DeliveryDriver;
    __deliveryError?: string;
  }
}

export interface DeliveryDriver {
  deviceId: string;
  bootId: string;
  /** Tracks promotion views p<from>…p<from+count-1> at once; resolves when all are durable. */
  track(from: number, count: number, nameBytes?: number): Promise<number>;
  /** Same, one after another (each awaited): the latency of a single durable write. */
  trackOneByOne(from: number, count: number): Promise<number>;
  health: EngagementLog['health'];
  /** Upload reports so far (status per attempt). */
  reports: { status: number | string; accepted: number }[];
  estimate(): Promise<{ usage: number | undefined }>;
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const num = (key: string, fallback: number) => (q.has(key) ? Number(q.get(key)) : fallback);
  const host = createWebHost({ packBaseUrl: new URL('pack/', location.href).href, configUrl: new URL('kiosk-config.json', location.href).href });
  const identity = await host.getDeviceIdentity();
  const reports: DeliveryDriver['reports'] = [];
  const log = await startEngagementLog({
    host,
    collector: { url: q.get('collector') ?? undefined, writeKey: q.get('writeKey') ?? undefined, budgetBytes: num('budget', 500_000_000), heartbeatSec: num('heartbeatSec', 3600) },
    app: { name: 'Shopfront Kiosk (delivery harness)', version: '0' },
    anonymousId: () => 'harness-session',
    locale: () => 'zh-CN',
    pack: () => ({ packId: 'harness', version: '1.0.0' }),
    uploader: {
      timeoutMs: num('timeoutMs', 30_000),
      maxEvents: num('maxEvents', 500),
      lingerMs: num('lingerMs', 200),
      backoff: { baseMs: num('baseMs', 1_000), capMs: num('capMs', 300_000), maxRetryAfterMs: 3_600_000 },
    },
    onUpload: (r) => reports.push({ status: r.status, accepted: r.accepted }),
  });
  const name = (bytes: number) => 'x'.repeat(bytes);
  window.__delivery = {
    deviceId: identity.deviceId,
    bootId: identity.bootId,
    async track(from, count, nameBytes = 20) {
      const n = name(nameBytes);
      await Promise.all(Array.from({ length: count }, (_, i) => log.tracker.track('Promotion Viewed', { promotion_id: `p${from + i}`, name: n })));
      return count;
    },
    async trackOneByOne(from, count) {
      for (let i = 0; i < count; i++) await log.tracker.track('Promotion Viewed', { promotion_id: `p${from + i}`, name: 'one by one' });
      return count;
    },
    health: () => log.health(),
    reports,
    estimate: async () => ({ usage: (await navigator.storage.estimate()).usage }),
  };
}

main().catch((err: unknown) => {
  window.__deliveryError = String(err);
});
