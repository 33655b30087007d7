// Drives the kiosk's engagement log in real Chromium against a real hub (behind the fault
// proxy): builds the harness page, serves it with the kiosk's CSP, launches Chromium on a
// persistent profile, kills it with SIGKILL and relaunches it on the same profile.
// Shared by test/e2e/events*.e2e.ts and the delivery benchmarks.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { bundleBrowserPage } from '../support/browser-page.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import type { HubRig } from '../support/hub-rig.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles delivery-page.browser.ts into `outDir` with an index.html. */
export function buildHarnessPage(outDir: string): Promise<string> {
  return bundleBrowserPage(path.join(repo, 'test/bench/delivery-page.browser.ts'), outDir, { title: 'delivery harness' });
}

/** Serves the harness page with the kiosk's CSP, allowing only the hub's origin (the rig's proxy) besides itself. */
export async function serveHarness(pageDir: string, rig: Pick<HubRig, 'connectOrigins'> | null): Promise<KioskWebServer> {
  const emptyPack = await mkdtemp(path.join(os.tmpdir(), 'harness-pack-'));
  const server = await startKioskWebServer({ rendererDir: pageDir, packDir: emptyPack, connectOrigins: rig?.connectOrigins ?? [] });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(emptyPack, { recursive: true, force: true });
    },
  };
}

/** The harness page's address: with a rig, the kiosk enrols with its hub and sends its events there; without one, it keeps them. */
export function harnessUrl(server: KioskWebServer, rig: Pick<HubRig, 'kioskHub'> | null, params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (rig) {
    q.set('hub', rig.kioskHub.url);
    q.set('enrolmentToken', rig.kioskHub.enrolmentToken);
  }
  return `${server.url}?${q}`;
}

export interface KioskBrowser {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
}

/** Chromium on a persistent profile (the outbox's IndexedDB lives in it). */
export async function launchKioskBrowser(userDataDir: string): Promise<KioskBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1080, height: 1920 },
    deviceScaleFactor: 0.5,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, userDataDir };
}

/** Opens the harness page and waits for its engagement log to be running. */
export async function openHarness(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.__delivery ?? window.__deliveryError ?? null, null, { timeout: 30_000 });
  const value = await handle.jsonValue();
  if (typeof value === 'string') throw new Error(`the harness page failed to start: ${value}`);
}

/** Waits until the harness page's kiosk is enrolled with the hub (its events can go there). */
export async function waitForEnrolment(page: Page, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let state = await page.evaluate(() => window.__delivery!.hubState());
  while (state !== 'enrolled') {
    if (Date.now() > until) throw new Error(`the harness kiosk did not enrol with the hub within ${timeoutMs} ms (its hub state: ${state})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = await page.evaluate(() => window.__delivery!.hubState());
  }
}

/** Process ids of the Chromium browser (main) processes running on this profile. */
async function profileProcesses(userDataDir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
    } catch {
      continue; // gone already
    }
    // Only the browser process keeps its argv: Chromium's helpers (zygote-forked renderers,
    // the GPU, network and storage processes) rewrite theirs into one string, and the
    // storage process is not even given the profile. They are found by parentage instead.
    if (argv.includes(`--user-data-dir=${userDataDir}`) && !argv.some((a) => a.startsWith('--type='))) found.push(Number(entry));
  }
  return found;
}

/** `root` and every process descended from it, alive now (zombies are dead). */
async function processTree(root: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  const alive = new Set<number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z' || state === 'X') continue;
    const pid = Number(entry);
    alive.add(pid);
    children.set(Number(ppid), [...(children.get(Number(ppid)) ?? []), pid]);
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    if (alive.has(pid)) tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return tree;
}

const isAlive = async (pid: number) => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
};

/**
 * SIGKILLs the browser with all its processes at the same instant — what a power cut
 * does, or the OOM killer taking the kiosk's cgroup — and returns once every one of them
 * is gone. Killing the browser process alone would leave its storage process writing
 * the profile's IndexedDB for a moment, while the next start opens the same files: no
 * real restart does that (systemd restarts the kiosk only once its whole cgroup has
 * exited, see build/linux/shopfront-kiosk.service), and Chromium then finds the database
 * "corrupt" and deletes it. Returns the browser process's pid.
 */
export async function killBrowser(browser: KioskBrowser, knownPid?: number): Promise<number> {
  const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
  const pid = knownPid ?? (await browserPid(browser));
  const tree = await processTree(pid);
  for (const p of tree.length ? tree : [pid]) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
  await closed;
  for (let i = 0; i < 200; i++) {
    const left = [];
    for (const p of tree) if (await isAlive(p)) left.push(p);
    if (left.length === 0) return pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Chromium processes ${tree.join(', ')} outlived SIGKILL by 5 s`);
}

/** The pid of the browser (main) process on this profile; look it up ahead to kill at a precise moment. */
export async function browserPid(browser: KioskBrowser): Promise<number> {
  const [main] = await profileProcesses(browser.userDataDir);
  if (main === undefined) throw new Error(`no Chromium browser process runs on ${browser.userDataDir}`);
  return main;
}

/** What the hub holds for the harness's generated events, against what Chromium acknowledged. */
export interface DeliveryTally {
  acknowledged: number;
  delivered: number;
  lost: number;
  /** Generated ids stored more than once (under different messageIds). */
  duplicates: number;
  /** Stored, though Chromium died before it could say so: fine, they were durable. */
  unacknowledgedButDelivered: number;
  /** Device ids the hub has events from: one, unless the browser lost the profile's IndexedDB (where the web host keeps the id). */
  devices: number;
  /** Missing seq numbers, summed over every device. */
  seqGaps: number;
  seqConflicts: number;
  /** The seq gaps the console's fleet page shows, summed over every device. */
  fleetSeqGaps: number;
  duplicatesTurnedAway: number;
}

export async function tallyDelivery(rig: HubRig, acknowledged: ReadonlySet<number>): Promise<DeliveryTally> {
  const counts = new Map<number, number>();
  for (const { properties } of await rig.eventsNamed('Promotion Viewed')) {
    const id = Number(String(properties.promotion_id).slice(1));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let lost = 0;
  let delivered = 0;
  for (const id of acknowledged) {
    if (counts.has(id)) delivered += 1;
    else lost += 1;
  }
  const devices = await Promise.all((await rig.devices()).map((d) => rig.health(d)));
  return {
    acknowledged: acknowledged.size,
    delivered,
    lost,
    duplicates: [...counts.values()].filter((n) => n > 1).length,
    unacknowledgedButDelivered: [...counts.keys()].filter((id) => !acknowledged.has(id)).length,
    devices: devices.length,
    seqGaps: devices.reduce((n, d) => n + d.missing.count, 0),
    seqConflicts: devices.reduce((n, d) => n + d.seqConflicts, 0),
    fleetSeqGaps: devices.reduce((n, d) => n + d.fleetSeqGaps, 0),
    duplicatesTurnedAway: rig.proxy.stats.duplicates,
  };
}

/** The machine a benchmark ran on, to print with its numbers. */
export async function machineInfo(): Promise<string> {
  const cpus = os.cpus();
  const { execFileSync } = await import('node:child_process');
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // keep unknown
  }
  return [
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`,
    `RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version}, ${chromiumVersion}, ${os.type()} ${os.release()}`,
    `load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the machine is shared; the lead re-runs on a quiet one)`,
  ].join('\n');
}
