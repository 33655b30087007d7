// The fault scenario behind `npm run bench:delivery` (10k events) and its smaller e2e
// version: Chromium tracks events through the kiosk's engagement log, enrolled with a real
// hub, while the way to the hub fails in every way (the fault proxy: 500s, 429/503 with
// Retry-After, hangs past the timeout, resets mid-body and after the hub stored the
// events, partial acceptance, going away for a while) and the browser is SIGKILLed at
// random moments — half of them while track() calls are being written — and relaunched on
// the same profile. The hub's SQLite is the ground truth.
import path from 'node:path';
import { randomFaults, seededRandom, type FaultPlan } from '../support/faults.ts';
import { startHubRig } from '../support/hub-rig.ts';
import {
  browserPid,
  harnessUrl,
  killBrowser,
  launchKioskBrowser,
  openHarness,
  serveHarness,
  tallyDelivery,
  waitForEnrolment,
  type DeliveryTally,
  type KioskBrowser,
} from './delivery-harness.ts';

export interface FaultScenario {
  events: number;
  kills: number;
  seed: number;
  /** The built harness page (buildHarnessPage). */
  pageDir: string;
  /** Where the browser profile goes. */
  workDir: string;
  log?: (line: string) => void;
}

export interface FaultResult {
  tally: DeliveryTally;
  killed: number;
  killedMidTrack: number;
  outages: number;
  /** What the fault proxy made of each upload (ok, status-500, stored-then-hang, …). */
  answers: Record<string, number>;
  bytesPerStoredEvent: number;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fault plan that can be switched off at the end, so the run converges. */
function switchableFaults(inner: FaultPlan): FaultPlan & { on: boolean } {
  const plan = { on: true, next: () => (plan.on ? inner.next() : { kind: 'none' as const }) };
  return plan;
}

export async function runFaultScenario(s: FaultScenario): Promise<FaultResult> {
  const log = s.log ?? (() => undefined);
  const random = seededRandom(s.seed);
  const faults = switchableFaults(randomFaults(s.seed, 0.35));
  const rig = await startHubRig({ proxy: { faults, hangMs: 4_000, random: seededRandom(s.seed + 1) } });
  const proxy = rig.proxy;
  const server = await serveHarness(s.pageDir, rig);
  const profile = path.join(s.workDir, `fault-profile-${s.seed}`);
  const url = harnessUrl(server, rig, { timeoutMs: 1_500, baseMs: 100, capMs: 2_000, maxEvents: 200, lingerMs: 50 });
  log(`\n== Fault run: ${s.events} events, ~${s.kills} SIGKILLs, seed ${s.seed} (repeat with --seed ${s.seed})`);

  // The device id lives in the profile's IndexedDB beside the outbox: a new one after a
  // relaunch means the browser threw the origin's IndexedDB away (and the outbox with it).
  const deviceIds: string[] = [];
  const open = async () => {
    const b = await launchKioskBrowser(profile);
    await openHarness(b.page, url);
    const id = await b.page.evaluate(() => window.__delivery!.deviceId);
    if (deviceIds.length > 0 && deviceIds.at(-1) !== id) {
      const depth = (await b.page.evaluate(() => window.__delivery!.health())).queueDepth;
      log(`after SIGKILL ${killed}: the device id changed (${deviceIds.at(-1)} → ${id}); the outbox now holds ${depth} events — the browser discarded the profile's IndexedDB`);
    }
    deviceIds.push(id);
    return b;
  };
  let ready: Promise<KioskBrowser> = open();
  // The kiosk enrols with the hub once (its credential lives in the profile), then the faults begin.
  await waitForEnrolment((await ready).page);
  const acknowledged = new Set<number>();
  let next = 0;
  let killed = 0;
  let killedMidTrack = 0;
  let outages = 0;
  let tracking = false;
  let generating = true;
  const started = Date.now();
  // Pace generation so the run spans all the kills (about 1.5 s apart).
  const perSecond = Math.max(200, s.events / (s.kills * 1.5));

  try {
    // Every kill happens: while events are generated (half of them in the middle of
    // track() calls), and the rest afterwards, while the backlog is uploading.
    const killer = (async () => {
      while (killed < s.kills) {
        await sleep(500 + random() * 2_000);
        const victim = await ready;
        const pid = await browserPid(victim);
        if (random() < 0.5) {
          while (!tracking && generating) await sleep(1);
          // Somewhere in the call: before the page has it, while it is committing, or after.
          await sleep(random() * 15);
        }
        if (tracking) killedMidTrack += 1;
        ready = (async () => {
          await killBrowser(victim, pid);
          killed += 1;
          // Now and then the hub goes away while the kiosk is down, and stays away a while.
          if (random() < 0.3) {
            outages += 1;
            await proxy.setDown(true);
            setTimeout(() => void proxy.setDown(false), 1_000 + random() * 3_000);
          }
          return open();
        })();
        await ready;
      }
    })();

    while (acknowledged.size < s.events) {
      const b = await ready;
      const count = Math.min(s.events - acknowledged.size, 1 + Math.floor(random() * 100));
      const from = next;
      next += count;
      const t0 = Date.now();
      tracking = true;
      try {
        await b.page.evaluate(({ from, count }) => window.__delivery!.track(from, count), { from, count });
        for (let i = from; i < from + count; i++) acknowledged.add(i);
      } catch {
        // Killed while tracking: these ids may or may not be on disk; they are not counted as acknowledged.
        continue;
      } finally {
        tracking = false;
      }
      await sleep(Math.max(0, (count / perSecond) * 1000 - (Date.now() - t0)));
    }
    generating = false;
    await killer;
    const generatedMs = Date.now() - started;
    faults.on = false;
    await proxy.setDown(false);
    const b = await ready;
    const until = Date.now() + 300_000;
    while ((await b.page.evaluate(() => window.__delivery!.health())).queueDepth > 0) {
      if (Date.now() > until) throw new Error('the outbox did not drain within 5 minutes of the faults stopping');
      await sleep(100);
    }
    const tally = await tallyDelivery(rig, acknowledged);
    const stored = await rig.count();
    const bytesPerStoredEvent = (await rig.databaseBytes()) / stored;
    log(`generated for ${(generatedMs / 1000).toFixed(1)} s; ${killed} SIGKILLs (${killedMidTrack} while track() calls were in flight); ${outages} hub outages; ${next} ids tried`);
    log(`uploads as the fault proxy passed them on: ${JSON.stringify(proxy.stats.byOutcome)}`);
    log(`acknowledged by track(): ${tally.acknowledged}`);
    log(`delivered: ${tally.delivered} (${((tally.delivered / tally.acknowledged) * 100).toFixed(2)}%)  duplicates: ${tally.duplicates}  lost: ${tally.lost}   (target 100% / 0 / 0)`);
    log(`durable but unacknowledged when killed, delivered too: ${tally.unacknowledgedButDelivered}`);
    log(`device ids seen: ${tally.devices}; seq gaps at the hub: ${tally.seqGaps} (the fleet page shows ${tally.fleetSeqGaps}); seq conflicts: ${tally.seqConflicts}; re-sends turned away by messageId: ${tally.duplicatesTurnedAway}`);
    log(`hub SQLite: ${bytesPerStoredEvent.toFixed(0)} bytes/stored event (${stored} events)`);
    await b.context.close();
    return {
      tally,
      killed,
      killedMidTrack,
      outages,
      answers: { ...proxy.stats.byOutcome },
      bytesPerStoredEvent,
      ok: tally.lost === 0 && tally.duplicates === 0 && tally.seqGaps === 0 && tally.fleetSeqGaps === 0 && tally.seqConflicts === 0,
    };
  } finally {
    generating = false;
    await ready.then((b) => b.context.close()).catch(() => undefined);
    await server.close();
    await rig.close();
  }
}
