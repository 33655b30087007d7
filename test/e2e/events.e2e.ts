// The engagement log end to end: the kiosk in Chromium, enrolled with a real hub (behind
// the fault proxy) as the backend, and what the hub ends up with after shoppers, outages
// and kill -9.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildHarnessPage, harnessUrl, killBrowser, launchKioskBrowser, openHarness, serveHarness, waitForEnrolment } from '../bench/delivery-harness.ts';
import { runFaultScenario } from '../bench/delivery-fault-run.ts';
import { eventsTestPack } from '../bench/delivery-fixture-pack.ts';
import { startHubRig, type HubRig } from '../support/hub-rig.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { expect, rendererDir, test, waitForAppEvent } from './fixtures.ts';

let work: string;
let pack: Awaited<ReturnType<typeof eventsTestPack>>;
test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'events-e2e-'));
  pack = await eventsTestPack(work);
});
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The kiosk web server, with settings that enrol the kiosk with the rig's hub by its enrolment token. */
async function kioskFor(rig: HubRig, idle = { timeoutSec: 10, warningSec: 3 }): Promise<KioskWebServer> {
  return startKioskWebServer({
    rendererDir,
    packDir: pack.dir,
    config: { idle, hub: rig.kioskHub },
    connectOrigins: rig.connectOrigins,
  });
}

async function openApp(page: Page, kiosk: KioskWebServer): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // A refused connection while the hub is away is expected; anything else is not.
    if (msg.type() === 'error' && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready');
  return errors;
}

/** The offers on the offers screen, top to bottom. */
function offerIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="offers"] article[data-testid^="offer-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.slice('offer-'.length)));
}

/** How many events wait in the kiosk's outbox (read straight from its IndexedDB). */
function queued(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kiosk-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

test('a shopper session reaches the hub as Segment track events, numbered without gaps', async ({ page }) => {
  const rig = await startHubRig();
  const kiosk = await kioskFor(rig);
  try {
    const errors = await openApp(page, kiosk);
    await page.getByTestId('attract').click();
    await waitForAppEvent(page, 'session-started', { trigger: 'touch' });
    await page.getByTestId('tile-offers').click();
    await page.getByTestId('offers').waitFor();
    const offersShown = await offerIds(page);
    await waitForAppEvent(page, 'session-ended', { reason: 'idle' }, 0, 30_000);

    // Each offer on the screen is one Promotion Viewed, in the order shown.
    const promotions = offersShown.map(() => 'Promotion Viewed');
    const expected = ['Pack Activated', 'Attract Woken', 'Session Started', 'Screen Viewed', 'Screen Viewed', ...promotions, 'Session Ended'];
    await expect.poll(async () => (await rig.allEvents()).map((e) => e.event), { timeout: 15_000 }).toEqual(expected);
    const events = await rig.allEvents();
    const total = expected.length;
    expect(events.map((e) => e.seq)).toEqual(expected.map((_, i) => i + 1));
    expect(events.map((e) => e.body.properties.screen ?? null)).toEqual([null, null, null, 'home', 'offers', ...promotions.map(() => null), null]);
    const viewed = events.filter((e) => e.event === 'Promotion Viewed').map((e) => e.body.properties);
    expect(viewed.map((p) => [p.promotion_id, p.position, p.via])).toEqual(offersShown.map((id, i) => [id, i + 1, 'offers']));
    expect(events[0]!.body.properties).toMatchObject({ pack_id: pack.packId, pack_version: pack.version, previous_pack_id: null });
    expect(events[total - 1]!.body.properties).toMatchObject({ reason: 'idle' });
    expect(events[total - 1]!.body.properties.duration_ms).toBeGreaterThan(9_000);

    // One shopper, one anonymous id; outside the session the kiosk speaks for itself.
    const [packEvent, ...session] = events;
    const shopper = session[0]!.body.anonymousId;
    expect(session.every((e) => e.body.anonymousId === shopper)).toBe(true);
    expect(packEvent!.body.anonymousId).toBe(`kiosk-${packEvent!.body.context.kiosk.bootId}`);
    for (const e of events) {
      expect(e.body.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.body.context).toMatchObject({ locale: 'zh-CN', library: { name: 'shopfront-kiosk-outbox' }, kiosk: { storeId: 'demo-store', packId: pack.packId } });
      expect(Date.parse(e.body.sentAt)).toBeGreaterThanOrEqual(Date.parse(e.body.originalTimestamp));
    }
    expect(rig.proxy.stats.uploads).toBeGreaterThan(0);
    expect(rig.proxy.stats.gzipUploads).toBe(rig.proxy.stats.uploads);
    const deviceId = events[0]!.body.context.kiosk.deviceId;
    expect(await rig.devices()).toEqual([deviceId]);
    expect(await rig.health(deviceId)).toMatchObject({ events: total, firstSeq: 1, lastSeq: total, missing: { count: 0 }, rejected: 0, fleetSeqGaps: 0 });
    expect(rig.proxy.stats.duplicates).toBe(0);

    // The next shopper gets a new anonymous id.
    await page.getByTestId('attract').click();
    await expect.poll(async () => (await rig.allEvents()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(total + 3);
    const next = (await rig.allEvents()).find((e) => e.event === 'Session Started' && e.seq! > total)!;
    expect(next.body.anonymousId).not.toBe(shopper);
    expect(errors).toEqual([]);
  } finally {
    await kiosk.close();
    await rig.close();
  }
});

test('events wait out a hub outage and a kill -9 of the kiosk, then arrive once and in order', async () => {
  test.setTimeout(90_000);
  const rig = await startHubRig();
  const kiosk = await kioskFor(rig, { timeoutSec: 600, warningSec: 10 });
  const profile = path.join(work, 'kill-profile');
  let browser = await launchKioskBrowser(profile);
  try {
    await openApp(browser.page, kiosk);
    // The kiosk enrols and its first event (the pack it shows) reaches the hub; then the hub goes away.
    await waitForAppEvent(browser.page, 'hub-status', { state: 'enrolled', storeId: 'demo-store' }, 0, 30_000);
    await expect.poll(() => rig.count(), { timeout: 15_000 }).toBe(1);
    // The hub may have stored it before the kiosk read the answer: wait until the kiosk has it acknowledged too.
    await expect.poll(() => queued(browser.page), { timeout: 10_000 }).toBe(0);
    await rig.proxy.setDown(true);
    await browser.page.getByTestId('attract').click();
    await waitForAppEvent(browser.page, 'session-started');
    await browser.page.getByTestId('tile-offers').click();
    await browser.page.getByTestId('offers').waitFor();
    const offersShown = (await offerIds(browser.page)).length;
    // Pack Activated reached the hub; Attract Woken, Session Started, Screen Viewed ×2 and
    // a Promotion Viewed per offer are on disk, with nowhere to send them.
    const beforeKillCount = 5 + offersShown;
    await expect.poll(() => queued(browser.page), { timeout: 10_000 }).toBe(beforeKillCount - 1);
    await waitForAppEvent(browser.page, 'outbox-upload', { status: 'network-error' });

    await killBrowser(browser);
    await rig.proxy.setDown(false);
    browser = await launchKioskBrowser(profile);
    const errors = await openApp(browser.page, kiosk);

    // Those from before the kill, then the new boot's Pack Activated: the kiosk kept its credential.
    await expect.poll(() => rig.count(), { timeout: 20_000 }).toBe(beforeKillCount + 1);
    await expect.poll(() => queued(browser.page), { timeout: 10_000 }).toBe(0);
    const events = await rig.allEvents();
    expect(new Set(events.map((e) => e.body.messageId)).size).toBe(beforeKillCount + 1);
    const firstBoot = events.find((e) => e.event === 'Attract Woken')!.body.context.kiosk.bootId;
    const beforeKill = events.filter((e) => e.body.context.kiosk.bootId === firstBoot).sort((a, b) => a.seq! - b.seq!);
    expect(beforeKill.map((e) => [e.seq, e.event])).toEqual([
      [1, 'Pack Activated'],
      [2, 'Attract Woken'],
      [3, 'Session Started'],
      [4, 'Screen Viewed'],
      [5, 'Screen Viewed'],
      ...Array.from({ length: offersShown }, (_, i) => [6 + i, 'Promotion Viewed']),
    ]);
    const afterKill = events.filter((e) => e.body.context.kiosk.bootId !== firstBoot);
    expect(afterKill.map((e) => e.event)).toEqual(['Pack Activated']);
    // Seq runs from 1 without a gap on every device id the kiosk used, and the fleet page shows no gap.
    for (const deviceId of await rig.devices()) {
      expect(await rig.health(deviceId)).toMatchObject({ firstSeq: 1, missing: { count: 0 }, seqConflicts: 0, fleetSeqGaps: 0 });
    }
    expect(rig.proxy.stats.duplicates).toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await browser.context.close().catch(() => undefined);
    await kiosk.close();
    await rig.close();
  }
});

test('kill -9 at random points while 1,500 events are tracked and the way to the hub fails in every way: each acknowledged event arrives exactly once, no seq gap', async () => {
  test.setTimeout(150_000);
  const pageDir = await buildHarnessPage(path.join(work, 'harness-page'));
  const seed = Number(process.env.KIOSK_E2E_SEED ?? Date.now() % 100_000);
  const result = await runFaultScenario({ events: 1_500, kills: 6, seed, pageDir, workDir: work, log: (line) => console.log(line) });
  expect(result.killed).toBe(6);
  // The uploads failed in several different ways during the run (the faults the proxy injected, not the hub's own answers).
  const injected = Object.keys(result.answers).filter((k) => k !== 'ok' && !k.startsWith('hub-') && k !== 'proxy-error');
  expect(injected.length).toBeGreaterThanOrEqual(3);
  expect(result.tally).toMatchObject({ acknowledged: 1_500, delivered: 1_500, lost: 0, duplicates: 0, seqGaps: 0, fleetSeqGaps: 0, seqConflicts: 0 });
});

test('two windows of one kiosk upload one at a time (Web Locks), and the second takes over when the first closes', async () => {
  const rig = await startHubRig({ proxy: { respondDelayMs: 30 } });
  const pageDir = await buildHarnessPage(path.join(work, 'harness-page-locks'));
  const server = await serveHarness(pageDir, rig);
  const browser = await launchKioskBrowser(path.join(work, 'locks-profile'));
  try {
    const url = harnessUrl(server, rig, { maxEvents: 20, lingerMs: 0 });
    const first = browser.page;
    const second = await browser.context.newPage();
    // The first window enrols the kiosk; the second finds its credential in the profile.
    await openHarness(first, url);
    await waitForEnrolment(first);
    await openHarness(second, url);
    await waitForEnrolment(second);
    await Promise.all([first.evaluate(() => window.__delivery!.track(0, 300)), second.evaluate(() => window.__delivery!.track(300, 300))]);
    await expect.poll(() => rig.count(), { timeout: 20_000 }).toBe(600);
    const uploading = async (p: Page) => (await p.evaluate(() => window.__delivery!.reports.length)) > 0;
    // Exactly one window holds the upload lock and sent everything.
    expect([await uploading(first), await uploading(second)].filter(Boolean)).toHaveLength(1);
    const [holder, waiter] = (await uploading(first)) ? [first, second] : [second, first];
    await holder.close();
    await waiter.evaluate(() => window.__delivery!.track(600, 100));
    await expect.poll(() => rig.count(), { timeout: 20_000 }).toBe(700);
    expect(await uploading(waiter)).toBe(true);
    expect(rig.proxy.stats.maxConcurrent).toBe(1);
    const devices = await rig.devices();
    expect(devices).toHaveLength(1);
    expect(await rig.health(devices[0]!)).toMatchObject({ events: 700, firstSeq: 1, lastSeq: 700, missing: { count: 0 }, seqConflicts: 0, fleetSeqGaps: 0 });
  } finally {
    await browser.context.close();
    await server.close();
    await rig.close();
  }
});
