// npm run bench:delivery [-- --events 10000 --kills 20 --seed 7 --drain 100000 --skip-track --skip-faults --skip-drain --skip-outage]
//
// 0. track() throughput in Chromium with strict durability (as npm run bench:track).
// 1. Fault run: Chromium tracks --events events, enrolled with a real hub, while the way
//    to the hub fails in every way (the fault proxy: 500s, 429/503 with Retry-After, hangs
//    past the timeout, connection resets mid-body and after the hub stored the events,
//    partial acceptance, going away for a while) and the browser is SIGKILLed at random
//    moments and relaunched on the same profile. The hub's SQLite is the ground truth:
//    every acknowledged event must be there exactly once and no device may have a seq
//    gap. Target: 100% delivered / 0 duplicates / 0 lost.
// 2. Outage: the same outbox and uploader (in Node, on fake-indexeddb) through a simulated
//    48-hour hub outage on a virtual clock: attempts made, longest wait, delivery after.
// 3. Drain: a backlog of --drain events in Chromium's outbox, then the kiosk is started
//    with the hub set; time until the hub has them all. Target: 100k in ≤ 60 s.
// 4. Bytes per event in the hub's SQLite and in Chromium's IndexedDB.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHubRig } from '../support/hub-rig.ts';
import { buildHarnessPage, harnessUrl, launchKioskBrowser, machineInfo, openHarness, serveHarness } from './delivery-harness.ts';
import { runFaultScenario } from './delivery-fault-run.ts';
import { runOutageSimulation } from './delivery-outage.ts';
import { runTrackThroughput } from './track-throughput.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    drain: { type: 'string', default: '100000' },
    'skip-track': { type: 'boolean', default: false },
    'skip-faults': { type: 'boolean', default: false },
    'skip-drain': { type: 'boolean', default: false },
    'skip-outage': { type: 'boolean', default: false },
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-delivery-'));
const pageDir = await buildHarnessPage(path.join(work, 'page'));

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const summary: string[] = [];

async function faultRun(): Promise<boolean> {
  const result = await runFaultScenario({
    events: Number(values.events),
    kills: Number(values.kills),
    seed: Number(values.seed),
    pageDir,
    workDir: work,
    log: console.log,
  });
  const t = result.tally;
  summary.push(
    `fault run: delivered ${((t.delivered / t.acknowledged) * 100).toFixed(2)}% / duplicates ${t.duplicates} / lost ${t.lost}, seq gaps ${t.seqGaps} (target 100% / 0 / 0) — ${result.ok ? 'met' : 'NOT MET'}`,
    `bytes per stored event (hub SQLite): ${result.bytesPerStoredEvent.toFixed(0)}`,
  );
  return result.ok;
}

async function drainRun(): Promise<void> {
  const total = Number(values.drain);
  const rig = await startHubRig();
  const server = await serveHarness(pageDir, rig);
  const profile = path.join(work, 'drain-profile');
  console.log(`\n== Drain: ${total} events queued offline, then the kiosk starts with the hub set (it enrols, then uploads)`);
  let b = await launchKioskBrowser(profile);
  await openHarness(b.page, harnessUrl(server, null));
  const fillStart = performance.now();
  for (let from = 0; from < total; from += 5_000) {
    await b.page.evaluate(({ from, count }) => window.__delivery!.track(from, count), { from, count: Math.min(5_000, total - from) });
  }
  const fillMs = performance.now() - fillStart;
  const usage = (await b.page.evaluate(() => window.__delivery!.estimate())).usage ?? 0;
  console.log(`queued ${total} in ${(fillMs / 1000).toFixed(1)} s (${Math.round(total / (fillMs / 1000))} events/s); IndexedDB usage ${usage} bytes = ${(usage / total).toFixed(0)} bytes/queued event`);
  await b.context.close();

  b = await launchKioskBrowser(profile);
  const t0 = performance.now();
  await openHarness(b.page, harnessUrl(server, rig, { lingerMs: 0 }));
  // Every event the hub answers "accepted" is committed to its SQLite.
  await waitUntil('the hub to hold the backlog', () => rig.proxy.stats.accepted >= total, 600_000);
  const drainMs = performance.now() - t0;
  await waitUntil('the outbox to empty', async () => (await b.page.evaluate(() => window.__delivery!.health())).queueDepth === 0, 60_000);
  const emptyMs = performance.now() - t0;
  const health = await b.page.evaluate(() => window.__delivery!.health());
  const stored = await rig.count();
  const bytes = await rig.databaseBytes();
  console.log(`drained ${total} in ${(drainMs / 1000).toFixed(1)} s (${Math.round(total / (drainMs / 1000))} events/s), outbox empty after ${(emptyMs / 1000).toFixed(1)} s   target ≤ 60 s for 100k`);
  console.log(`outbox afterwards: ${health.queueDepth} queued; hub: ${stored} events, uploads ${JSON.stringify(rig.proxy.stats.byOutcome)}`);
  console.log(`hub SQLite: ${bytes} bytes = ${(bytes / stored).toFixed(0)} bytes/stored event`);
  const per100k = (drainMs / total) * 100_000;
  summary.push(
    `drain: ${total} in ${(drainMs / 1000).toFixed(1)} s (${(per100k / 1000).toFixed(1)} s per 100k; target ≤ 60 s) — ${per100k <= 60_000 ? 'met' : 'NOT MET'}`,
    `bytes per event: ${(bytes / stored).toFixed(0)} in the hub's SQLite, ${(usage / total).toFixed(0)} queued in Chromium's IndexedDB`,
  );
  await b.context.close();
  await server.close();
  await rig.close();
}

console.log(await machineInfo());
let ok = true;
try {
  if (!values['skip-track']) {
    console.log('\n== track() throughput (strict durability, no hub)');
    const { medianPerSecond } = await runTrackThroughput({ pageDir, workDir: work, events: 10_000, runs: 5, log: console.log });
    summary.push(`track(): ${Math.round(medianPerSecond)} events/s with strict durability (target ≥ 5000/s) — ${medianPerSecond >= 5000 ? 'met' : 'NOT MET'}`);
  }
  if (!values['skip-faults']) ok = (await faultRun()) && ok;
  if (!values['skip-outage']) {
    console.log('\n== Simulated 48-hour hub outage (virtual clock, Node + fake-indexeddb, real hub over HTTP)');
    console.log(await runOutageSimulation());
  }
  if (!values['skip-drain']) await drainRun();
} finally {
  await rm(work, { recursive: true, force: true });
}
console.log(`\n== Summary (a shared machine: compare on a quiet one)\n${summary.join('\n')}`);
if (!ok) {
  console.error('\nFAULT RUN FAILED: an acknowledged event was lost or duplicated, or a seq gap remains');
  process.exitCode = 1;
}
