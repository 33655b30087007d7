// The kiosk's outbox and uploader (in Node, on fake-indexeddb) against a real hub behind
// the fault proxy failing in every way: what the hub ends up with is every event exactly
// once and no seq gap.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { heartbeatProperties, toHealth } from '../../renderer/src/events/outbox-health.ts';
import { alwaysFault, scriptedFaults, type Fault } from '../support/faults.ts';
import { startHubRig, type HubRig, type HubRigOptions } from '../support/hub-rig.ts';
import { ManualClock, processLock, TEST_DEVICE_ID, testKiosk, VirtualClock, type TestKiosk } from './delivery-kit.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** A hub with the fault proxy in front, and the test kiosk's credential. */
async function hubRig(options: HubRigOptions = {}): Promise<HubRig & { credential: string }> {
  const rig = await startHubRig(options);
  cleanup.push(() => rig.close());
  return Object.assign(rig, { credential: await rig.enrol(TEST_DEVICE_ID) });
}

function kiosk(rig: HubRig & { credential: string }, options: Parameters<typeof testKiosk>[1] = {}): TestKiosk {
  const k = testKiosk(rig.url, { writeKey: rig.credential, ...options });
  cleanup.push(() => k.stop());
  return k;
}

async function trackMany(k: TestKiosk, count: number, from = 0): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, i) => k.tracker.track('Promotion Viewed', { promotion_id: `p${from + i}`, name: 'Spring sale' })));
}

/** What the hub has: the seq of every stored row, and the generator ids. */
async function stored(rig: HubRig) {
  const rows = await rig.eventsNamed('Promotion Viewed');
  return { seqs: rows.map((r) => r.seq), pids: new Set(rows.map((r) => r.properties.promotion_id)), rows: rows.length };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('delivery to the hub', () => {
  it('gets every event to the hub exactly once through 500s, 429s, timeouts, resets and partial acceptance', async () => {
    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500, store: true },
      { kind: 'status', status: 429, retryAfterSec: 0 },
      { kind: 'hang', store: true },
      { kind: 'reset-mid-body' },
      { kind: 'reset-after-store' },
      { kind: 'partial', acceptRatio: 0.5 },
      { kind: 'status', status: 503, retryAfterSec: 0 },
      { kind: 'hang' },
      { kind: 'partial', acceptRatio: 0.2 },
    ];
    const rig = await hubRig({ proxy: { faults: scriptedFaults(faults), hangMs: 5_000 } });
    const k = kiosk(rig, { maxEvents: 40, timeoutMs: 300 });
    k.uploader.start();
    await trackMany(k, 300);

    await vi.waitFor(async () => expect((await k.outbox.stats()).queueDepth).toBe(0), { timeout: 20_000, interval: 50 });
    const { seqs, pids, rows } = await stored(rig);
    expect(rows).toBe(300);
    expect(seqs).toEqual(range(300));
    expect(pids.size).toBe(300);
    expect(await rig.health(TEST_DEVICE_ID)).toMatchObject({ events: 300, missing: { count: 0 }, seqConflicts: 0, rejected: 0, fleetSeqGaps: 0 });
    // Answers lost after the hub stored the events made the kiosk send them again; the hub turned them away.
    expect(rig.proxy.stats.duplicates).toBeGreaterThan(0);
    expect(rig.proxy.stats.byOutcome).toMatchObject({ 'status-500': 1, 'stored-then-500': 1, 'stored-then-hang': 1, 'reset-mid-body': 1, 'reset-after-store': 1, partial: 2 });
    expect((await k.outbox.stats()).quarantinedTotal).toBe(0);
  });

  it('honours Retry-After to the millisecond and otherwise backs off with full jitter, doubling its ceiling', async () => {
    const rig = await hubRig({
      proxy: {
        faults: scriptedFaults([
          { kind: 'status', status: 429, retryAfterSec: 7 },
          { kind: 'status', status: 503, retryAfterSec: 3 },
          { kind: 'status', status: 500 },
          { kind: 'status', status: 500 },
        ]),
      },
    });
    const clock = new VirtualClock(Date.parse('2026-11-23T10:00:00Z'));
    const k = kiosk(rig, { clock, random: () => 0.5, backoff: { baseMs: 1_000, capMs: 300_000, maxRetryAfterMs: 3_600_000 } });
    await trackMany(k, 5);
    k.uploader.start();
    await vi.waitFor(() => expect(k.reports.at(-1)?.status).toBe(200), { timeout: 10_000, interval: 20 });
    expect(await rig.count()).toBe(5);
    // 429 → 7 s, 503 → 3 s as asked; then 0.5 × 1 s × 2^3 and 0.5 × 1 s × 2^4.
    expect(clock.sleeps.slice(0, 4)).toEqual([7_000, 3_000, 4_000, 8_000]);
    expect(k.reports.slice(0, 5).map((r) => r.status)).toEqual([429, 503, 500, 500, 200]);
  });

  it('sets aside an event the hub rejects, with its reason, and delivers the others', async () => {
    const rig = await hubRig();
    const k = kiosk(rig);
    await trackMany(k, 3, 0);
    await k.outbox.append(k.tracker.draft('x'.repeat(201), {}));
    await trackMany(k, 3, 3);
    k.uploader.start();
    await vi.waitFor(async () => expect((await k.outbox.stats()).queueDepth).toBe(0), { timeout: 10_000, interval: 20 });
    expect((await stored(rig)).seqs).toEqual([1, 2, 3, 5, 6, 7]);
    const [q] = await k.outbox.quarantined();
    expect(q).toMatchObject({ seq: 4, reason: expect.stringMatching(/^rejected by the collector: event: /) });
    // The hub knows about seq 4 too: rejected, not missing.
    expect(await rig.health(TEST_DEVICE_ID)).toMatchObject({ missing: { count: 0 }, rejected: 1, fleetSeqGaps: 0 });
  });

  it('finds a bad event by halving when the collector answers for the whole batch (Segment style)', async () => {
    const rig = await hubRig({ proxy: { answers: 'segment' } });
    const k = kiosk(rig, { maxEvents: 500 });
    await trackMany(k, 17, 0);
    // Seq 18: a message no collector takes (not a track call).
    await k.outbox.append({ ...k.tracker.draft('Promotion Viewed', { promotion_id: 'bad', name: 'x' }), type: 'identify' as 'track' });
    await trackMany(k, 22, 17);
    k.uploader.start();
    await vi.waitFor(async () => expect((await k.outbox.stats()).queueDepth).toBe(0), { timeout: 10_000, interval: 20 });
    const { seqs, rows } = await stored(rig);
    expect(rows).toBe(39);
    expect(seqs).toEqual(range(40).filter((s) => s !== 18));
    expect((await k.outbox.quarantined())[0]).toMatchObject({ seq: 18, reason: expect.stringContaining('only "track" messages are collected') });
    // Halving sent the batch in parts; the whole-batch 400s never reached the hub.
    expect(rig.proxy.stats.byOutcome['error-400']).toBeGreaterThan(0);
  });

  it('does not quarantine anything when every batch is refused as a whole: it waits and tries again', async () => {
    // Say a proxy in front of the hub answers 400 to everything.
    const rig = await hubRig({ proxy: { faults: alwaysFault({ kind: 'status', status: 400 }) } });
    const clock = new ManualClock();
    const k = kiosk(rig, { clock });
    await trackMany(k, 8);
    k.uploader.start();
    await vi.waitFor(() => expect(k.uploader.state).toBe('backoff'), { timeout: 5_000, interval: 10 });
    expect((await k.outbox.stats()).queueDepth).toBe(8);
    expect((await k.outbox.stats()).quarantinedTotal).toBe(0);
    expect(k.uploader.lastError).toMatch(/^HTTP 400/);
    expect(await rig.count()).toBe(0);
  });

  it('keeps retrying through a 48-hour outage without ever waiting longer than the cap, then delivers everything once', async () => {
    const HOUR = 3_600_000;
    const start = Date.parse('2026-11-20T08:00:00Z');
    const rig = await hubRig();
    await rig.proxy.setDown(true);
    let back = false;
    let k: TestKiosk | null = null;
    let generated = 0;
    let ageAtReturn = 0;
    const clock = new VirtualClock(start, async (t) => {
      // The store stays open: a shopper every ten minutes or so.
      while (k && generated < Math.floor((t - start) / (10 * 60_000)) && generated < 300) {
        await trackMany(k, 1, generated);
        generated += 1;
      }
      if (!back && t - start >= 48 * HOUR && k) {
        back = true;
        // What the heartbeat and the admin panel say at that moment.
        const health = toHealth(await k.outbox.stats(), { budgetBytes: 0, storagePersisted: true, collectorUrl: rig.url, uploader: 'backoff', lastError: null }, t);
        ageAtReturn = heartbeatProperties(health, 0).oldest_unsent_age_ms!;
        await rig.proxy.setDown(false);
      }
    });
    const cap = 5 * 60_000;
    k = kiosk(rig, { clock, now: clock.now, backoff: { baseMs: 1_000, capMs: cap, maxRetryAfterMs: HOUR } });
    await trackMany(k, 10, 10_000);
    k.uploader.start();

    await vi.waitFor(() => expect(back).toBe(true), { timeout: 60_000, interval: 50 });
    const failures = k.reports.filter((r) => r.status === 'network-error');
    await vi.waitFor(async () => expect((await k!.outbox.stats()).queueDepth).toBe(0), { timeout: 20_000, interval: 50 });

    expect(failures.length).toBeGreaterThan((48 * HOUR) / cap); // never gave up
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(cap);
    expect(ageAtReturn).toBeGreaterThanOrEqual(48 * HOUR);
    const { rows, seqs } = await stored(rig);
    expect(rows).toBe(10 + generated);
    expect(seqs).toEqual(range(10 + generated));
    expect(await rig.health(TEST_DEVICE_ID)).toMatchObject({ missing: { count: 0 }, fleetSeqGaps: 0 });
    expect(rig.proxy.stats.duplicates).toBe(0);
  }, 90_000);

  it('tries again at once when the network comes back, but not before a Retry-After the hub asked for', async () => {
    const rig = await hubRig({ proxy: { faults: scriptedFaults([{ kind: 'status', status: 429, retryAfterSec: 120 }]) } });
    await rig.proxy.setDown(true);
    const clock = new ManualClock();
    const k = kiosk(rig, { clock, backoff: { baseMs: 1_000, capMs: 60_000, maxRetryAfterMs: 3_600_000 } });
    await trackMany(k, 3);
    k.uploader.start();

    // Network down: a backoff that the 'online' event ends.
    await vi.waitFor(() => expect(k.reports.at(-1)?.status).toBe('network-error'), { timeout: 5_000, interval: 10 });
    const networkWait = clock.current!;
    await rig.proxy.setDown(false);
    k.connectivity.dispatchEvent(new Event('online'));
    expect(networkWait.signal.aborted).toBe(true);

    // Back up, but the answer is "429, come back in 120 s": 'online' must not cut that short.
    await vi.waitFor(() => expect(k.reports.at(-1)?.status).toBe(429), { timeout: 5_000, interval: 10 });
    const asked = clock.current!;
    expect(asked.ms).toBe(120_000);
    k.connectivity.dispatchEvent(new Event('online'));
    expect(asked.signal.aborted).toBe(false);
    asked.end();
    await vi.waitFor(async () => expect(await rig.count()).toBe(3), { timeout: 5_000, interval: 10 });
  });

  it('survives its database failing under it: it backs off and carries on when the disk is back', async () => {
    const rig = await hubRig();
    const k = kiosk(rig);
    k.uploader.start();
    await trackMany(k, 2);
    await vi.waitFor(async () => expect(await rig.count()).toBe(2), { timeout: 5_000, interval: 10 });
    k.outbox.db.close();
    k.uploader.wake();
    await vi.waitFor(() => expect(k.uploader.lastError).toMatch(/^uploader error: /), { timeout: 5_000, interval: 10 });
    await k.outbox.db.open();
    await trackMany(k, 3, 2);
    await vi.waitFor(async () => expect(await rig.count()).toBe(5), { timeout: 5_000, interval: 10 });
    expect((await stored(rig)).seqs).toEqual(range(5));
  });

  it('lets one uploader at a time send, across windows sharing the outbox; the next takes over when the first goes', async () => {
    const rig = await hubRig({ proxy: { respondDelayMs: 20 } });
    const lock = processLock();
    const dbName = `shared-${Date.now()}`;
    const a = kiosk(rig, { lock, dbName, maxEvents: 25 });
    const b = kiosk(rig, { lock, dbName, maxEvents: 25 });
    a.uploader.start();
    b.uploader.start();
    await Promise.all([trackMany(a, 200, 0), trackMany(b, 200, 200)]);
    await vi.waitFor(async () => expect(await rig.count()).toBeGreaterThan(50), { timeout: 10_000, interval: 10 });
    expect(b.uploader.state).toBe('waiting-for-lock');
    await a.uploader.stop();
    await vi.waitFor(async () => expect(await rig.count()).toBe(400), { timeout: 10_000, interval: 20 });
    expect(b.reports.filter((r) => r.accepted > 0).length).toBeGreaterThan(0);
    expect(rig.proxy.stats.maxConcurrent).toBe(1);
    expect((await stored(rig)).seqs).toEqual(range(400));
  });

  it('lets a window that is waiting for the upload lock close at once, and the lock holder carries on', async () => {
    const rig = await hubRig({ proxy: { respondDelayMs: 20 } });
    const lock = processLock();
    const dbName = `shared-${Date.now()}`;
    const a = kiosk(rig, { lock, dbName, maxEvents: 25 });
    const b = kiosk(rig, { lock, dbName, maxEvents: 25 });
    a.uploader.start();
    b.uploader.start();
    await trackMany(a, 100);
    expect(b.uploader.state).toBe('waiting-for-lock');
    const closed = await Promise.race([b.uploader.stop().then(() => 'closed'), new Promise((r) => setTimeout(() => r('still waiting'), 2_000))]);
    expect(closed).toBe('closed');
    expect(b.uploader.lastError).toBeNull();
    await vi.waitFor(async () => expect(await rig.count()).toBe(100), { timeout: 10_000, interval: 20 });
    expect(b.reports).toEqual([]);
  });
});
