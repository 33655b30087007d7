// A 48-hour hub outage on a virtual clock: the kiosk's real outbox and uploader (on
// fake-indexeddb) against a real hub, whose address refuses connections (the fault proxy
// is down) until 48 h of simulated time have passed. Nothing waits for real; every wait
// is recorded.
import 'fake-indexeddb/auto';
import { startHubRig } from '../support/hub-rig.ts';
import { TEST_DEVICE_ID, VirtualClock, testKiosk, type TestKiosk } from '../delivery/delivery-kit.ts';

export async function runOutageSimulation(hours = 48, shoppersPerHour = 6): Promise<string> {
  const HOUR = 3_600_000;
  const cap = 5 * 60_000;
  const start = Date.parse('2026-11-20T08:00:00Z');
  const rig = await startHubRig();
  const credential = await rig.enrol(TEST_DEVICE_ID);
  await rig.proxy.setDown(true);
  let kiosk: TestKiosk | null = null;
  let tracked = 0;
  let returnedAt: number | null = null;
  const clock = new VirtualClock(start, async (t) => {
    const due = Math.floor(((t - start) / HOUR) * shoppersPerHour);
    while (kiosk && tracked < due && returnedAt === null) {
      await kiosk.tracker.track('Session Started', { trigger: 'touch' });
      tracked += 1;
    }
    if (returnedAt === null && t - start >= hours * HOUR) {
      returnedAt = t;
      await rig.proxy.setDown(false);
    }
  });
  kiosk = testKiosk(rig.url, { writeKey: credential, clock, now: clock.now, backoff: { baseMs: 1_000, capMs: cap, maxRetryAfterMs: HOUR } });
  const real0 = performance.now();
  kiosk.uploader.start();
  while (returnedAt === null || (await kiosk.outbox.stats()).queueDepth > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  const realMs = performance.now() - real0;
  const failures = kiosk.reports.filter((r) => r.status === 'network-error').length;
  const longest = Math.max(...clock.sleeps);
  const afterReturnMin = (clock.t - returnedAt!) / 60_000;
  const health = await rig.health(TEST_DEVICE_ID);
  const duplicates = rig.proxy.stats.duplicates;
  await kiosk.stop();
  await rig.close();
  return [
    `${hours} h simulated in ${(realMs / 1000).toFixed(1)} s real time; ${tracked} events tracked during the outage`,
    `attempts that failed: ${failures} (never gave up); longest wait ${(longest / 1000).toFixed(0)} s (cap ${cap / 1000} s)`,
    `everything delivered ${afterReturnMin.toFixed(1)} simulated minutes after the hub came back`,
    `hub: ${health.events} events, missing ${health.missing.count} (fleet page: ${health.fleetSeqGaps} seq gaps), duplicates turned away ${duplicates}`,
  ].join('\n');
}
