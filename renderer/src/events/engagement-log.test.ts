import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackMessage } from './envelope.ts';
import { startEngagementLog, type EngagementLog } from './engagement-log.ts';
import { uniqueDbName } from './test-outbox.ts';

const logs: EngagementLog[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.dispose();
});

async function start(dbName: string, budgetBytes = 50_000_000, url?: string, hostUptimeMs = 0) {
  const log = await startEngagementLog({
    identity: { deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Kiosk', uptimeMs: hostUptimeMs },
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

async function messages(log: EngagementLog): Promise<TrackMessage[]> {
  return (await log.outbox.db.events.orderBy('id').toArray()).map((r) => JSON.parse(r.json) as TrackMessage);
}

describe('engagement log', () => {
  it("stamps events with the host's monotonic time, so a screen reloaded within one boot never goes back in time", async () => {
    // The host had been up 90 minutes when this renderer (re)started.
    const log = await start(uniqueDbName('monotonic'), undefined, undefined, 90 * 60_000);
    await log.tracker.track('Session Started', { trigger: 'key' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await log.tracker.track('Session Ended', { reason: 'idle', duration_ms: 30 });
    const [first, second] = (await messages(log)).map((m) => m.context.kiosk.monotonicMs);
    expect(first).toBeGreaterThanOrEqual(90 * 60_000);
    expect(first).toBeLessThan(90 * 60_000 + 5_000);
    expect(second! - first!).toBeGreaterThanOrEqual(25);
  });

  it('without a collector keeps every event and says so in its health', async () => {
    const log = await start(uniqueDbName('no-collector'));
    await log.tracker.track('Session Started', { trigger: 'key' });
    expect(log.uploader).toBeNull();
    expect(await log.health()).toMatchObject({ queueDepth: 1, collectorUrl: null, uploader: 'off', shedTotal: 0, quarantinedTotal: 0 });
    expect((await log.health()).oldestUnsentAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a heartbeat with the outbox numbers, speaking for the kiosk rather than a shopper', async () => {
    const log = await start(uniqueDbName('heartbeat'));
    await log.tracker.track('Session Started', { trigger: 'touch' });
    await log.heartbeat();
    const beat = (await messages(log)).at(-1)!;
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

    const second = await start(name, 4_000);
    await expect.poll(async () => (await messages(second)).some((m) => m.event === 'Events Dropped'), { timeout: 2_000 }).toBe(true);
    const report = (await messages(second)).find((m) => m.event === 'Events Dropped')!;
    expect(report.properties).toMatchObject({ reason: 'budget', count: shed, by_event: { 'Kiosk Heartbeat': shed }, seq_ranges_complete: true });
  });
});
