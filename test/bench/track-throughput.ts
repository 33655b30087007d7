// How many events a second track() stores in Chromium with strict durability (each
// resolved only once it is on disk): many callers at once (batched into group commits,
// target ≥ 5,000/s), callers awaiting waves, and one awaited call at a time.
import path from 'node:path';
import { harnessUrl, launchKioskBrowser, openHarness, serveHarness } from './delivery-harness.ts';

export async function runTrackThroughput(options: { pageDir: string; workDir: string; events: number; runs: number; log: (line: string) => void }): Promise<{ medianPerSecond: number }> {
  const { events, runs, log } = options;
  // No hub: everything stays in the outbox, as when a kiosk is offline.
  const server = await serveHarness(options.pageDir, null);
  const browser = await launchKioskBrowser(path.join(options.workDir, 'track-profile'));
  try {
    await openHarness(browser.page, harnessUrl(server, null));
    await browser.page.evaluate(() => window.__delivery!.track(0, 1_000)); // warm up
    let next = 1_000;
    const rates: number[] = [];
    for (let run = 0; run < runs; run++) {
      const ms = await browser.page.evaluate(
        async ({ from, count }) => {
          const t0 = performance.now();
          await window.__delivery!.track(from, count);
          return performance.now() - t0;
        },
        { from: next, count: events },
      );
      next += events;
      rates.push(events / (ms / 1000));
    }
    rates.sort((a, b) => a - b);
    const median = rates[Math.floor(rates.length / 2)]!;
    log(`track() × ${events} at once, strict durability, ${runs} runs: median ${Math.round(median)} events/s (min ${Math.round(rates[0]!)}, max ${Math.round(rates.at(-1)!)})   target ≥ 5000/s`);

    const waveMs = await browser.page.evaluate(async ({ from }) => {
      const t0 = performance.now();
      for (let w = 0; w < 50; w++) await window.__delivery!.track(from + w * 200, 200);
      return performance.now() - t0;
    }, { from: next });
    next += 10_000;
    log(`50 awaited waves of 200: ${Math.round(10_000 / (waveMs / 1000))} events/s`);

    const perEvent = await browser.page.evaluate(async ({ from }) => {
      const t0 = performance.now();
      await window.__delivery!.trackOneByOne(from, 200);
      return (performance.now() - t0) / 200;
    }, { from: next });
    log(`one at a time (each awaited): ${perEvent.toFixed(2)} ms per durable event (${Math.round(1000 / perEvent)} events/s)`);
    return { medianPerSecond: median };
  } finally {
    await browser.context.close();
    await server.close();
  }
}
