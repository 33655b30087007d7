import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recentAppEvents } from '../test-hook/app-events.ts';
import type { TrackMessage } from './envelope.ts';
import { startEngagementLog, type EngagementLog } from './engagement-log.ts';
import { openOutboxDb } from './outbox-db.ts';
import { uniqueDbName } from './test-outbox.ts';
import type { UploadReport } from './uploader.ts';

const logs: EngagementLog[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.dispose();
});

async function start(dbName: string, budgetBytes = 50_000_000, url?: string, hostUptimeMs = 0) {
  const log = await startEngagementLog({
    host: { getDeviceIdentity: async () => ({ deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Kiosk', uptimeMs: hostUptimeMs }) },
    collector: { url, budgetBytes, heartbeatSec: 3600 },
    app: { name: 'Shopfront Kiosk', version: '0.1.0' },
    anonymousId: () => null,
    locale: () => 'en',
    pack: () => null,
    dbName,
  });
  logs.push(log);
  return log;
}

/** What the outbox holds, read through a connection of its own. */
async function messages(dbName: string): Promise<TrackMessage[]> {
  const db = openOutboxDb(dbName);
  try {
    return (await db.events.orderBy('id').toArray()).map((r) => JSON.parse(r.json) as TrackMessage);
  } finally {
    db.close();
  }
}

describe('engagement log', () => {
  it("stamps events with the host's monotonic time, so a screen reloaded within one boot never goes back in time", async () => {
    // The host had been up 90 minutes when this renderer (re)started.
    const name = uniqueDbName('monotonic');
    const log = await start(name, undefined, undefined, 90 * 60_000);
    await log.tracker.track('Session Started', { trigger: 'key' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await log.tracker.track('Session Ended', { reason: 'idle', duration_ms: 30 });
    const [first, second] = (await messages(name)).map((m) => m.context.kiosk.monotonicMs);
    expect(first).toBeGreaterThanOrEqual(90 * 60_000);
    expect(first).toBeLessThan(90 * 60_000 + 5_000);
    expect(second! - first!).toBeGreaterThanOrEqual(25);
  });

  it('without a collector keeps every event and says so in its health', async () => {
    const log = await start(uniqueDbName('no-collector'));
    await log.tracker.track('Session Started', { trigger: 'key' });
    expect(await log.health()).toMatchObject({ queueDepth: 1, collectorUrl: null, uploader: 'off', shedTotal: 0, quarantinedTotal: 0 });
    expect((await log.health()).oldestUnsentAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a heartbeat with the outbox numbers, speaking for the kiosk rather than a shopper', async () => {
    const name = uniqueDbName('heartbeat');
    const log = await start(name);
    await log.tracker.track('Session Started', { trigger: 'touch' });
    await log.heartbeat();
    const beat = (await messages(name)).at(-1)!;
    expect(beat.event).toBe('Kiosk Heartbeat');
    expect(beat.anonymousId).toBe('kiosk-boot-1');
    expect(beat.properties).toMatchObject({ queue_depth: 1, shed_total: 0, quarantined_total: 0, last_success_at: null });
    expect(beat.properties.oldest_unsent_age_ms).toBeGreaterThanOrEqual(0);
  });

  it('reports the events it shed at the budget with the next heartbeat, and ones left from the last run at start', async () => {
    const name = uniqueDbName('drops');
    const first = await start(name, 4_000);
    for (let i = 0; i < 4; i++) await first.heartbeat(); // heartbeats: the first to go
    for (let i = 0; i < 6; i++) await first.tracker.track('Session Started', { trigger: 'touch' });
    const shed = (await first.health()).shedTotal;
    expect(shed).toBeGreaterThan(0);
    await first.dispose();
    logs.splice(logs.indexOf(first), 1);

    await start(name, 4_000);
    await expect.poll(async () => (await messages(name)).some((m) => m.event === 'Events Dropped'), { timeout: 2_000 }).toBe(true);
    const report = (await messages(name)).find((m) => m.event === 'Events Dropped')!;
    expect(report.properties).toMatchObject({ reason: 'budget', count: shed, by_event: { 'Kiosk Heartbeat': shed }, seq_ranges_complete: true });
  });

  it('uploads to the collector when one is set, and reports every attempt to the caller and to the tests', async () => {
    const name = uniqueDbName('upload');
    const bodies: string[] = [];
    const reports: UploadReport[] = [];
    const log = await startEngagementLog({
      host: { getDeviceIdentity: async () => ({ deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Kiosk', uptimeMs: 0 }) },
      collector: { url: 'https://collector.example.com', writeKey: 'wk', budgetBytes: 50_000_000, heartbeatSec: 3600 },
      app: { name: 'Shopfront Kiosk', version: '0.1.0' },
      anonymousId: () => 'session-1',
      locale: () => 'en',
      pack: () => null,
      dbName: name,
      uploader: {
        gzip: false,
        lingerMs: 0,
        lock: (_name, task) => task(),
        fetchImpl: async (_url, init) => {
          bodies.push(init!.body as string);
          return new Response('{"success":true}');
        },
      },
      onUpload: (report) => reports.push(report),
    });
    logs.push(log);
    await log.tracker.track('Session Started', { trigger: 'touch' });
    await expect.poll(async () => (await log.health()).queueDepth, { timeout: 2_000 }).toBe(0);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ writeKey: 'wk', batch: [{ event: 'Session Started', anonymousId: 'session-1', context: { kiosk: { seq: 1 } } }] });
    expect(reports).toEqual([{ status: 200, sent: 1, accepted: 1, rejected: 0, retry: 0, nextInMs: null, reason: null }]);
    expect(recentAppEvents().filter((e) => e.type === 'outbox-upload').at(-1)?.detail).toEqual(reports[0]);
  });

  it("keeps events while the hub is set but the kiosk is not enrolled, then sends them to the hub with the kiosk's credential", async () => {
    const name = uniqueDbName('hub');
    const posts: { url: string; authorization: string | null }[] = [];
    const log = await startEngagementLog({
      host: { getDeviceIdentity: async () => ({ deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Kiosk', uptimeMs: 0 }) },
      // A collector is set too: the hub wins.
      collector: { url: 'https://collector.example.com', writeKey: 'wk', budgetBytes: 50_000_000, heartbeatSec: 3600 },
      destination: null,
      app: { name: 'Shopfront Kiosk', version: '0.1.0' },
      anonymousId: () => 'session-1',
      locale: () => 'en',
      pack: () => null,
      dbName: name,
      uploader: {
        gzip: false,
        lingerMs: 0,
        lock: (_name, task) => task(),
        fetchImpl: async (url, init) => {
          posts.push({ url: String(url), authorization: new Headers(init?.headers).get('authorization') });
          return new Response('{"success":true}');
        },
      },
    });
    logs.push(log);
    await log.tracker.track('Session Started', { trigger: 'touch' });
    expect(await log.health()).toMatchObject({ queueDepth: 1, collectorUrl: null, uploader: 'off' });

    await log.setDestination({ url: 'https://hub.example.com/', writeKey: 'kt_kiosk_1' });
    await expect.poll(async () => (await log.health()).queueDepth, { timeout: 2_000 }).toBe(0);
    expect(posts).toEqual([{ url: 'https://hub.example.com/v1/batch', authorization: `Basic ${btoa('kt_kiosk_1:')}` }]);
    expect((await log.health()).collectorUrl).toBe('https://hub.example.com/');

    // Revoked: events are kept again.
    await log.setDestination(null);
    await log.tracker.track('Session Ended', { reason: 'idle', duration_ms: 5 });
    log.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await log.health()).toMatchObject({ queueDepth: 1, uploader: 'off' });
    expect(posts).toHaveLength(1);
  });

  it('starts even when the outbox cannot be opened, and then every track() says why', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = await startEngagementLog({
      host: { getDeviceIdentity: () => Promise.reject(new Error('the host did not answer')) },
      collector: { url: 'https://collector.example.com', budgetBytes: 50_000_000, heartbeatSec: 3600 },
      app: { name: 'Shopfront Kiosk', version: '0.1.0' },
      anonymousId: () => null,
      locale: () => 'en',
      pack: () => null,
      dbName: uniqueDbName('unopened'),
    });
    logs.push(log);
    const why = /^the event outbox cannot be opened: the host did not answer$/;
    await expect(log.tracker.track('Session Started', { trigger: 'key' })).rejects.toThrow(why);
    await expect(log.health()).rejects.toThrow(why);
    expect(recentAppEvents().filter((e) => e.type === 'events-error').at(-1)?.detail).toEqual({ message: expect.stringMatching(why) });
    expect(quiet).toHaveBeenCalledWith('Engagement log: the event outbox cannot be opened: the host did not answer');
    quiet.mockRestore();
  });
});
