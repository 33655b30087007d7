import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackMessage } from './envelope.ts';
import { startEngagementLog, type EngagementLog } from './engagement-log.ts';
import { uniqueDbName } from './test-outbox.ts';

const logs: EngagementLog[] = [];
afterEach(async () => {
  for (const log of logs.splice(0)) await log.dispose();
});

async function start(dbName: string, budgetBytes = 50_000_000, url?: string) {
  const log = await startEngagementLog({
    identity: { deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Kiosk' },
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
