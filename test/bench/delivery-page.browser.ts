// A bare page that runs the kiosk's real engagement log (outbox, tracker, uploader) and
// the browser-mode host's hub agent in Chromium, for the delivery e2e tests and benchmarks
// to drive many events through them without the kiosk UI. Bundled by delivery-harness.ts;
// settings come from the query string: ?hub=<url>&enrolmentToken=et_…&budget=…&timeoutMs=…
// &baseMs=…&capMs=…&maxEvents=…&lingerMs=… With a hub, the agent enrols with the token
// (once per profile: the credential is kept in IndexedDB) and events go to the hub with
// the kiosk's own credential, as in the app; without one, events stay in the outbox.
import type { KioskConfigInput } from '../../content/schema/kiosk-config.ts';
import type { HubState } from '../../electron/common/hub-agent/hub-payloads.ts';
import { startEngagementLog, type EngagementLog } from '../../renderer/src/events/engagement-log.ts';
import { createWebHost } from '../../renderer/src/host/web-host.ts';
import { followHub } from '../../renderer/src/hub/follow-hub.ts';

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
  /** The hub agent's state: 'off' without a hub, 'enrolled' once events can go to it. */
  hubState(): Promise<HubState>;
  /** Upload reports so far (status per attempt). */
  reports: { status: number | string; accepted: number }[];
  estimate(): Promise<{ usage: number | undefined }>;
}

async function main(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const num = (key: string, fallback: number) => (q.has(key) ? Number(q.get(key)) : fallback);
  const hubUrl = q.get('hub') ?? undefined;
  // The kiosk settings, which the web host reads from this URL: answered from the query string.
  const configUrl = new URL('kiosk-config.json', location.href).href;
  const settings: KioskConfigInput = { hub: { url: hubUrl, enrolmentToken: q.get('enrolmentToken') ?? undefined } };
  const fetchImpl: typeof fetch = (input, init) => (String(input) === configUrl ? Promise.resolve(Response.json(settings)) : fetch(input, init));
  const host = createWebHost({ packBaseUrl: new URL('pack/', location.href).href, configUrl, fetchImpl });
  const identity = await host.getDeviceIdentity();
  const reports: DeliveryDriver['reports'] = [];
  const log = await startEngagementLog({
    host,
    collector: { budgetBytes: num('budget', 500_000_000), heartbeatSec: num('heartbeatSec', 3600) },
    // With a hub, events wait for the enrolment (followHub hands the log the hub and the credential).
    destination: null,
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
  followHub({ host, log, eventsToHub: Boolean(hubUrl) });
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
    hubState: async () => (await host.hub.status()).state,
    reports,
    estimate: async () => ({ usage: (await navigator.storage.estimate()).usage }),
  };
}

main().catch((err: unknown) => {
  window.__deliveryError = String(err);
});
