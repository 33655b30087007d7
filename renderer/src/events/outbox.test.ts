import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EVENT_BYTES, numberMessage, SENT_AT_BYTES, utf8Length, withSentAt, type TrackMessage } from './envelope.ts';
import { QUARANTINE_MAX_ROWS, type Outbox } from './outbox.ts';
import { createTracker } from './create-tracker.ts';
import { openTestOutbox, TEST_SOURCE, uniqueDbName } from './test-outbox.ts';

const open: Outbox[] = [];
function fresh(name = uniqueDbName('outbox'), budget?: number) {
  const made = openTestOutbox(name, budget);
  open.push(made.outbox);
  return made;
}
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

const HEARTBEAT = {
  queue_depth: 0,
  queue_bytes: 0,
  oldest_unsent_age_ms: null,
  last_success_at: null,
  shed_total: 0,
  quarantined_total: 0,
  storage_persisted: true,
  uptime_ms: 1,
};

async function stored(outbox: Outbox): Promise<TrackMessage[]> {
  return (await outbox.db.events.orderBy('id').toArray()).map((r) => JSON.parse(r.json) as TrackMessage);
}

describe('outbox', () => {
  it('has the event on disk when track() resolves, as a Segment track message with the kiosk context', async () => {
    const { outbox, tracker } = fresh();
    await tracker.track('Session Started', { trigger: 'touch' });
    const [message] = await stored(outbox);
    expect(message).toMatchObject({
      type: 'track',
      event: 'Session Started',
      anonymousId: 'session-1',
      properties: { trigger: 'touch' },
      context: { locale: 'zh-CN', kiosk: { deviceId: 'dev-1', bootId: 'boot-1', storeId: 'sh-001', seq: 1, packId: 'demo', packVersion: '1.0.0' } },
    });
    expect(message!.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(message!.originalTimestamp)).not.toBeNaN();
    expect(message!.sentAt).toBeUndefined();
  });

  it('numbers events 1, 2, 3… without gaps, and carries on after the database is reopened', async () => {
    const name = uniqueDbName('seq');
    const first = fresh(name);
    await Promise.all([1, 2, 3].map((n) => first.tracker.track('Screen Viewed', { screen: `s${n}` })));
    first.outbox.close();
    const second = fresh(name);
    await second.tracker.track('Screen Viewed', { screen: 's4' });
    const seqs = (await stored(second.outbox)).map((m) => [m.context.kiosk.seq, m.properties.screen]);
    expect(seqs).toEqual([
      [1, 's1'],
      [2, 's2'],
      [3, 's3'],
      [4, 's4'],
    ]);
  });

  it('numbers each device id on its own, so a changed device id never leaves a gap in either', async () => {
    const { outbox, tracker } = fresh();
    const other = createTracker(outbox, { ...TEST_SOURCE, deviceId: 'dev-2' });
    await tracker.track('Screen Viewed', { screen: 'a' });
    await other.track('Screen Viewed', { screen: 'b' });
    await other.track('Screen Viewed', { screen: 'c' });
    await tracker.track('Screen Viewed', { screen: 'd' });
    expect((await stored(outbox)).map((m) => `${m.context.kiosk.deviceId}#${m.context.kiosk.seq}`)).toEqual(['dev-1#1', 'dev-2#1', 'dev-2#2', 'dev-1#2']);
  });

  it('writes a burst of calls together, in call order, and every call resolves', async () => {
    const { outbox, tracker } = fresh();
    await Promise.all(Array.from({ length: 3000 }, (_, i) => tracker.track('Promotion Viewed', { promotion_id: `p${i}`, name: 'x' })));
    const messages = await stored(outbox);
    expect(messages).toHaveLength(3000);
    expect(messages.map((m) => m.context.kiosk.seq)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(messages.map((m) => m.properties.promotion_id)).toEqual(Array.from({ length: 3000 }, (_, i) => `p${i}`));
  });

  it('quarantines an event too large to send without using up a seq, and stores the others', async () => {
    const { outbox, tracker } = fresh();
    await Promise.all([
      tracker.track('Screen Viewed', { screen: 'before' }),
      tracker.track('Promotion Viewed', { promotion_id: 'huge', name: 'x'.repeat(MAX_EVENT_BYTES) }),
      tracker.track('Screen Viewed', { screen: 'after' }),
    ]);
    expect((await stored(outbox)).map((m) => [m.context.kiosk.seq, m.properties.screen])).toEqual([
      [1, 'before'],
      [2, 'after'],
    ]);
    const [q] = await outbox.quarantined();
    expect(q).toMatchObject({ event: 'Promotion Viewed', seq: null });
    expect(q!.reason).toMatch(/too large: \d+ bytes as sent, the limit is 32768/);
    expect((await outbox.stats()).quarantinedTotal).toBe(1);
  });

  it('keeps only events that still fit 32 KB once sentAt is added, so the collector never refuses one for size', async () => {
    const { outbox, tracker } = fresh();
    const base = utf8Length(numberMessage(tracker.draft('Promotion Viewed', { promotion_id: 'sized', name: '' }), 1));
    const sized = (total: number) => tracker.track('Promotion Viewed', { promotion_id: 'sized', name: 'x'.repeat(total - base) });
    await sized(MAX_EVENT_BYTES - 20);
    await sized(MAX_EVENT_BYTES - SENT_AT_BYTES - 40);
    const kept = await outbox.db.events.toArray();
    expect(kept).toHaveLength(1);
    expect(utf8Length(withSentAt(kept[0]!.json, new Date().toISOString()))).toBeLessThanOrEqual(MAX_EVENT_BYTES);
    expect((await outbox.quarantined())[0]?.reason).toMatch(/too large: 32796 bytes as sent/);
  });

  it('quarantines properties that are not JSON instead of failing the whole write', async () => {
    const { outbox, tracker } = fresh();
    const results = await Promise.allSettled([
      tracker.track('Screen Viewed', { screen: 'ok' }),
      tracker.track('Promotion Viewed', { promotion_id: 'p', name: 'n', position: 10n as unknown as number }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await stored(outbox)).map((m) => m.properties.screen)).toEqual(['ok']);
    expect((await outbox.quarantined())[0]!.reason).toMatch(/not JSON/);
  });

  it('above its budget sheds heartbeats and gestures first, then other events, never sessions or coupons, and counts them', async () => {
    // Each of these messages is 500-700 bytes; 7,500 holds the sessions but not everything.
    const { outbox, tracker } = fresh(uniqueDbName('budget'), 7_500);
    await tracker.track('Session Started', { trigger: 'touch' }); // seq 1
    await tracker.track('Kiosk Heartbeat', HEARTBEAT); // 2
    await tracker.track('Promotion Viewed', { promotion_id: 'a', name: 'A' }); // 3
    await tracker.track('Kiosk Heartbeat', HEARTBEAT); // 4
    for (let i = 0; i < 12; i++) await tracker.track('Session Ended', { reason: 'idle', duration_ms: 10 + i }); // 5-16
    let events = (await stored(outbox)).map((m) => m.event);
    expect(events).not.toContain('Kiosk Heartbeat');
    expect(events).toContain('Promotion Viewed');
    expect((await outbox.stats()).shedTotal).toBe(2);

    // With no heartbeat left, the promotion view goes next; sessions stay even over budget.
    for (let i = 0; i < 2; i++) await tracker.track('Session Ended', { reason: 'idle', duration_ms: 30 + i }); // 17, 18
    events = (await stored(outbox)).map((m) => m.event);
    expect(events).toEqual(['Session Started', ...Array(14).fill('Session Ended')]);
    const stats = await outbox.stats();
    expect(stats.shedTotal).toBe(3);

    // The next report lists exactly what was shed, then the slate is clean.
    const reported = await outbox.reportDrops((d) =>
      tracker.draft('Events Dropped', { reason: 'budget', count: d.count, seq_ranges: d.ranges, by_event: d.byEvent, seq_ranges_complete: d.complete }),
    );
    expect(reported).toBe(1);
    const report = (await stored(outbox)).at(-1)!;
    expect(report.event).toBe('Events Dropped');
    expect(report.context.kiosk.seq).toBe(19);
    expect(report.properties).toEqual({
      reason: 'budget',
      count: 3,
      seq_ranges: [[2, 4]],
      seq_ranges_complete: true,
      by_event: { 'Kiosk Heartbeat': 2, 'Promotion Viewed': 1 },
    });
    expect(await outbox.reportDrops(() => { throw new Error('nothing to report'); })).toBe(0);
  });

  it('reports shed events under the device id they were numbered for', async () => {
    const { outbox, tracker } = fresh(uniqueDbName('drops-by-device'), 2_000);
    const before = createTracker(outbox, { ...TEST_SOURCE, deviceId: 'dev-old' });
    await before.track('Kiosk Heartbeat', HEARTBEAT); // dev-old #1
    await before.track('Session Started', { trigger: 'touch' }); // dev-old #2
    for (let i = 0; i < 3; i++) await tracker.track('Session Started', { trigger: 'touch' }); // dev-1 #1-3
    expect(await outbox.reportDrops((d) => tracker.draft('Events Dropped', { reason: 'budget', count: d.count, seq_ranges: d.ranges, by_event: d.byEvent, seq_ranges_complete: d.complete }))).toBe(1);
    const report = (await stored(outbox)).at(-1)!;
    expect(report.context.kiosk).toMatchObject({ deviceId: 'dev-old', seq: 3 });
    expect(report.properties).toMatchObject({ count: 1, seq_ranges: [[1, 1]] });
  });

  it('keeps events it may never shed even beyond the budget', async () => {
    const { outbox, tracker } = fresh(uniqueDbName('keep'), 1_000);
    for (let i = 0; i < 5; i++) await tracker.track('Session Started', { trigger: 'scan' });
    const stats = await outbox.stats();
    expect(stats.queueDepth).toBe(5);
    expect(stats.shedTotal).toBe(0);
    expect(stats.queueBytes).toBeGreaterThan(1_000);
  });

  it('deletes what the collector accepted, quarantines what it rejected, and keeps the rest', async () => {
    const { outbox, tracker } = fresh();
    for (let i = 1; i <= 4; i++) await tracker.track('Screen Viewed', { screen: `s${i}` });
    const [a, b, c] = await outbox.peek(3, 1_000_000);
    await outbox.settle({ accepted: [a!, c!], rejected: [{ row: b!, reason: 'event: too long' }] });
    expect((await stored(outbox)).map((m) => m.properties.screen)).toEqual(['s4']);
    const stats = await outbox.stats();
    expect(stats.queueDepth).toBe(1);
    expect(stats.lastSuccessAt).not.toBeNull();
    expect(stats.queueBytes).toBe((await outbox.db.events.toArray()).reduce((n, r) => n + r.bytes, 0));
    expect((await outbox.quarantined())[0]).toMatchObject({ seq: 2, reason: 'rejected by the collector: event: too long' });
  });

  it('does not count as lost an event shed while it was on its way and then accepted', async () => {
    const { outbox, tracker } = fresh(uniqueDbName('inflight'), 4_000);
    await tracker.track('Kiosk Heartbeat', HEARTBEAT);
    const [inFlight] = await outbox.peek(1, 1_000_000);
    for (let i = 0; i < 8; i++) await tracker.track('Session Started', { trigger: 'touch' });
    expect((await outbox.stats()).shedTotal).toBe(1);
    await outbox.settle({ accepted: [inFlight!], rejected: [] });
    expect((await outbox.stats()).shedTotal).toBe(0);
    expect(await outbox.reportDrops(() => { throw new Error('nothing to report'); })).toBe(0);
  });

  it('keeps only the newest quarantined rows but counts them all', async () => {
    const { outbox, tracker } = fresh();
    const huge = 'x'.repeat(MAX_EVENT_BYTES);
    await Promise.all(Array.from({ length: QUARANTINE_MAX_ROWS + 5 }, (_, i) => tracker.track('Promotion Viewed', { promotion_id: `p${i}`, name: huge })));
    expect(await outbox.db.quarantine.count()).toBe(QUARANTINE_MAX_ROWS);
    expect((await outbox.stats()).quarantinedTotal).toBe(QUARANTINE_MAX_ROWS + 5);
  });

  it('peeks the oldest events within a byte limit', async () => {
    const { outbox, tracker } = fresh();
    for (let i = 0; i < 10; i++) await tracker.track('Promotion Viewed', { promotion_id: `p${i}`, name: 'y'.repeat(1000) });
    const all = await outbox.db.events.orderBy('id').toArray();
    // Room for three, with the ~48 bytes each upload adds, but not four.
    const room = all.slice(0, 3).reduce((n, r) => n + r.bytes + 48, 0) + 10;
    expect((await outbox.peek(500, room)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await outbox.peek(2, 1_000_000)).map((r) => r.seq)).toEqual([1, 2]);
  });
});

describe('outbox database upgrades', () => {
  it('opens a database written by schema version 1 and carries on its seq', async () => {
    const name = uniqueDbName('v1');
    // Schema version 1 exactly as kiosks in the field have it: never change this copy.
    const v1 = new Dexie(name);
    v1.version(1).stores({ events: 'id, [rank+id]', quarantine: '++id, at', meta: 'key' });
    await v1.open();
    await v1.table('events').put({ id: 7, seq: 41, deviceId: 'dev-1', messageId: 'm41', rank: 2, event: 'Session Started', bytes: 10, at: 0, json: '{"seq":41}' });
    await v1.table('meta').put({
      key: 'state',
      lastId: 7,
      lastSeqs: { 'dev-1': 41 },
      bytes: 10,
      shedTotal: 3,
      quarantinedTotal: 0,
      pendingDrops: {},
      lastSuccessAt: null,
    });
    v1.close();

    const { outbox, tracker } = fresh(name);
    await tracker.track('Session Started', { trigger: 'touch' });
    expect((await outbox.db.events.orderBy('id').toArray()).map((r) => [r.id, r.seq])).toEqual([
      [7, 41],
      [8, 42],
    ]);
    expect((await outbox.stats()).shedTotal).toBe(3);
  });
});
