// 5,000 kiosks at once: each keeps a command long-poll open (answered after 25 s, or at
// once when a command arrives) and sends a heartbeat every 60 s, spread over the minute.
// Measures heartbeat latency, how fast a command reaches a waiting kiosk, and the hub's
// memory; then opens the fleet page on those kiosks in Chromium.
import http from 'node:http';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';
import { percentile, report } from '../machine.ts';
import type { HubProcess } from './hub-process.ts';
import type { SeededKiosk } from './seed-kiosks.ts';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 20_000 });

function request(url: URL, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function heartbeatBody(i: number) {
  return {
    sentAt: new Date().toISOString(),
    appVersion: '0.1.0',
    mode: 'electron',
    platform: 'linux',
    bootId: `boot-${i}`,
    uptimeSec: 3600,
    pack: { packId: 'spring-2026', version: '1.4.0' },
    packProblem: null,
    rendererRestarts: i % 7 === 0 ? 1 : 0,
    rendererCrashes: 0,
    packRollbacks: 0,
    camera: i % 5 === 0 ? 'absent' : 'available',
    scanner: 'keyboard',
    outbox: { depth: i % 13, bytes: (i % 13) * 700, oldestUnsentAgeMs: i % 13 ? 4000 : null, lastSuccessAt: Date.now() - 30_000, shedTotal: 0, quarantinedTotal: 0 },
    jsHeapBytes: 60_000_000 + (i % 100) * 100_000,
    fps: 58 + (i % 3),
    lastInteractionAt: Date.now() - (i % 600) * 1000,
    session: i % 9 === 0 ? 'active' : 'idle',
  };
}

export interface FleetRun {
  heartbeatLatencies: number[];
  commandDelays: number[];
  rssPeak: number;
  errors: number;
}

/** Runs the fleet for `seconds`; `sendCommand` makes a command for a kiosk through the console. */
export async function runFleet(hub: HubProcess, kiosks: readonly SeededKiosk[], seconds: number, sendCommand: (deviceId: string) => Promise<void>): Promise<FleetRun> {
  const url = new URL(hub.url);
  const run: FleetRun = { heartbeatLatencies: [], commandDelays: [], rssPeak: 0, errors: 0 };
  const endAt = Date.now() + seconds * 1000;
  const waitingFor = new Map<string, number>();
  let stopping = false;

  const poll = async (k: SeededKiosk) => {
    while (!stopping) {
      try {
        const res = await request(url, 'GET', '/v1/commands?waitSec=25', k.token);
        if (res.status !== 200) {
          run.errors += 1;
          await new Promise((r) => setTimeout(r, 1000));
          continue;
        }
        const commands = (res.json as { commands: { id: string }[] }).commands;
        const sentAt = waitingFor.get(k.deviceId);
        if (commands.length > 0 && sentAt !== undefined) {
          run.commandDelays.push(performance.now() - sentAt);
          waitingFor.delete(k.deviceId);
          for (const c of commands) await request(url, 'POST', `/v1/commands/${c.id}/result`, k.token, { ok: true, message: 'reloaded' });
        }
      } catch {
        run.errors += 1;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };

  const beat = async (k: SeededKiosk, i: number) => {
    // Spread over the minute, as kiosks started at different times are.
    await new Promise((r) => setTimeout(r, (i / kiosks.length) * 60_000));
    while (Date.now() < endAt) {
      const t = performance.now();
      try {
        const res = await request(url, 'POST', '/v1/heartbeat', k.token, heartbeatBody(i));
        if (res.status === 200) run.heartbeatLatencies.push(performance.now() - t);
        else run.errors += 1;
      } catch {
        run.errors += 1;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 60_000 - (performance.now() - t))));
    }
  };

  // Long-polls open over the first 20 s, as a fleet reconnects after a hub restart.
  const polls = kiosks.map(async (k, i) => {
    await new Promise((r) => setTimeout(r, (i / kiosks.length) * 20_000));
    await poll(k);
  });
  const beats = kiosks.map(beat);
  const sampler = setInterval(() => (run.rssPeak = Math.max(run.rssPeak, hub.rss())), 1000);
  // Now and then a store manager sends a command to a kiosk that is waiting.
  const commander = (async () => {
    await new Promise((r) => setTimeout(r, 25_000));
    for (let n = 0; Date.now() < endAt - 5_000 && n < 20; n++) {
      const k = kiosks[(n * 251) % kiosks.length]!;
      waitingFor.set(k.deviceId, performance.now());
      await sendCommand(k.deviceId);
      await new Promise((r) => setTimeout(r, 3000));
    }
  })();
  await Promise.all(beats);
  await commander;
  stopping = true;
  clearInterval(sampler);
  await Promise.race([Promise.all(polls), new Promise((r) => setTimeout(r, 30_000))]);
  return run;
}

/** Signs in and times the fleet page of `count` kiosks until its rows are on screen and a filter answers. */
export async function timeFleetPage(hubUrl: string, username: string, password: string, count: number): Promise<{ firstRowsMs: number; filterMs: number }> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hubUrl}/console/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('fleet-row').first().waitFor();
    // Now a fresh load of the page, timed: navigation → rows on screen with the full count.
    // The page notes the first frame that shows them itself, free of the harness's round trips.
    await page.addInitScript(`(() => {
      const look = () => {
        const total = document.querySelector('[data-testid="fleet-count-total"]')?.textContent?.replace(/\\D/g, '') ?? '';
        if (document.querySelector('[data-testid="fleet-row"]') && total.startsWith('${count}')) window.__fleetShownAt = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    })()`);
    // BENCH_HUB_FLEET_PROFILE=1: where the page's main thread spent the timed load (JavaScript self time).
    const cdp = process.env.BENCH_HUB_FLEET_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    await page.goto(`${hubUrl}/console/`);
    await page.getByTestId('fleet-row').first().waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="fleet-count-total"]')?.textContent?.replace(/\D/g, '').startsWith(String(n)), count);
    const firstRowsMs = Date.now() - t0;
    if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
    // Where the time went: the console's start, and the list's request (asked while the hub says who is signed in).
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const list = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/kiosks')) as PerformanceResourceTiming | undefined;
      return { shown: (window as { __fleetShownAt?: number }).__fleetShownAt ?? NaN, ready: nav.domContentLoadedEventEnd, asked: list?.startTime ?? NaN, firstByte: list ? list.responseStart - list.startTime : NaN, received: list?.responseEnd ?? NaN, bytes: list?.encodedBodySize ?? 0 };
    });
    console.log(
      `fleet page timing: console started ${timing.ready.toFixed(0)} ms; list asked at ${timing.asked.toFixed(0)} ms, first byte after ${timing.firstByte.toFixed(0)} ms, ` +
        `received at ${timing.received.toFixed(0)} ms (${(timing.bytes / 2 ** 20).toFixed(1)} MiB); rows on screen in the page's own frame at ${timing.shown.toFixed(0)} ms, seen by the harness at ${firstRowsMs} ms`,
    );
    // Interactive: typing a filter narrows the 5,000 rows.
    const t1 = Date.now();
    await page.getByTestId('fleet-text-filter').fill('bench-04999');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="fleet-row"]').length === 1);
    return { firstRowsMs, filterMs: Date.now() - t1 };
  } finally {
    await browser.close();
  }
}

/** `idleRss`: the hub's RSS right after it started, before any kiosk came: what the peak adds to it is the fleet's. */
export function reportFleet(run: FleetRun, kiosks: number, idleRss: number): void {
  const lat = [...run.heartbeatLatencies].sort((a, b) => a - b);
  const cmd = [...run.commandDelays].sort((a, b) => a - b);
  console.log(`${kiosks} kiosks: ${lat.length} heartbeats, p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${percentile(lat, 99).toFixed(1)} ms; ${cmd.length} commands reached a waiting kiosk in p50 ${percentile(cmd, 50).toFixed(0)} ms, max ${(cmd.at(-1) ?? NaN).toFixed(0)} ms; ${run.errors} errors`);
  report(`heartbeat p99 with ${kiosks} kiosks and their long-polls open`, Math.round(percentile(lat, 99) * 10) / 10, 'ms', { max: 100 });
  console.log(`hub RSS idle right after start ${Math.round(idleRss / 2 ** 20)} MB; peak with ${kiosks} kiosks ${Math.round(run.rssPeak / 2 ** 20)} MB (+${Math.round((run.rssPeak - idleRss) / 2 ** 20)} MB)`);
  report('hub RSS peak', Math.round(run.rssPeak / 2 ** 20), 'MB', { max: 300 });
}

/** The functions with the most self time in a CPU profile, top 20. */
function printProfile(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  console.log('fleet page load, main thread self time:');
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
}
