// Publishing a pack to a pilot kiosk and rolling it back, in Debian's Chromium against a
// real hub with two real kiosks (the renderer in browser mode, enrolled with the hub) in
// store sh-001 running the demo pack. The merchandiser puts the entrance kiosk in the
// "pilot" group on the console's publishing page and publishes the demo pack with one
// price changed to the store, pilot group first. The entrance kiosk is told at its next
// heartbeat while a shopper is scanning there: the shopper keeps the old price; once the
// kiosk has gone back to its attract loop the next shopper sees the new one, and the
// console's kiosk table says it runs the new pack. The kiosk by the tills, not in the
// pilot, keeps the old price. One click rolls the rollout back: the entrance kiosk goes
// back to the old pack, again between shoppers, the console says so, and the audit log
// lists the publish and the rollback.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Locator, Page, Response } from '@playwright/test';
import { startHub } from '../../hub/server/start-hub.ts';
import type { KioskWebServer } from '../support/kiosk-web-server.ts';
import { wedgeScan } from './scan-kiosk.ts';
import { appEvents, expect, lastEventSeq, repo, test, waitForAppEvent } from './fixtures.ts';
import { repackDemo } from './hub-packs-demo.ts';
import { ADMIN, CONSOLE_DIR, DEMO_KPACK, MERCHANDISER, ORANGE, enrolmentToken, openEnrolledKiosk, setUp, signIn, uploadPack } from './hub-packs-steps.ts';

const WORK = path.join(repo, 'test-results', `hub-rollout-${process.pid}`);
const HEARTBEAT_SEC = 15;
/** A shopper who walked away is gone after 10 s (the last 3 of them a countdown). */
const IDLE = { timeoutSec: 10, warningSec: 3 };
const OLD_PRICE = '15.80';
const NEW_PRICE = '16.80';
const PILOT = '入口橱窗';
const OTHER = '收银台旁';

/** The next heartbeat answer the kiosk in `page` gets whose pack assignment is `version` (null: none). */
function heartbeatAssigning(page: Page, version: string | null): Promise<Response> {
  return page.waitForResponse(
    async (r) => {
      if (!r.url().endsWith('/v1/heartbeat') || r.request().method() !== 'POST' || r.status() !== 200) return false;
      const body = (await r.json().catch(() => null)) as { packs?: { assigned?: { version: string } | null } } | null;
      return (body?.packs?.assigned?.version ?? null) === version;
    },
    { timeout: (HEARTBEAT_SEC + 20) * 1000 },
  );
}

/** A shopper scans the oranges: the product page shows `price`. */
async function scanOranges(page: Page, price: string): Promise<void> {
  const before = await lastEventSeq(page);
  await wedgeScan(page, ORANGE.ean);
  await waitForAppEvent(page, 'scan', { found: true }, before);
  await expect(page.getByTestId('product-price')).toContainText(price);
  await expect(page.locator('body')).toContainText(ORANGE.zh);
}

/** A shopper keeps scanning the oranges every few seconds (the kiosk never goes idle) until `until` settles; each time the price is `price`. */
async function shopUntil<T>(page: Page, until: Promise<T>, price: string): Promise<T> {
  let settled = false;
  const watched = until.finally(() => (settled = true));
  while (!settled) {
    await scanOranges(page, price);
    await Promise.race([watched, page.waitForTimeout(3_000)]);
  }
  return watched;
}

/** The shopper walks away: the kiosk goes back to its attract loop, then shows pack `version` for the next one. */
async function nextShopperGets(page: Page, version: string): Promise<void> {
  const before = await lastEventSeq(page);
  const ended = await waitForAppEvent(page, 'session-ended', {}, before, (IDLE.timeoutSec + 10) * 1000);
  const loaded = await waitForAppEvent(page, 'pack-loaded', { version }, before, 20_000);
  // Never under the shopper: the pack changed after their session ended.
  expect(loaded.seq).toBeGreaterThan(ended.seq);
  await waitForAppEvent(page, 'screen', { screen: 'attract' }, before);
}

/** The row of the console's kiosk table for the kiosk named `name`. */
const fleetRow = (page: Page, name: string): Locator => page.getByTestId('pack-fleet-row').filter({ hasText: name });

test('a pack published to a pilot kiosk reaches it between shoppers and not the kiosk outside the pilot, and one click rolls it back', async ({ browser }) => {
  test.setTimeout(420_000);
  await mkdir(WORK, { recursive: true });
  const changed = await repackDemo(DEMO_KPACK, path.join(WORK, 'freshpick-1.0.1.kpack'), { gtin: `0${ORANGE.ean}`, price: ORANGE.after, version: '1.0.1' });
  const hub = await startHub({ port: 0, dataDir: path.join(WORK, 'hub'), logger: false, jobs: false, options: { consoleDir: CONSOLE_DIR } });
  const kiosks: KioskWebServer[] = [];
  const contexts: BrowserContext[] = [];
  const newPage = async (viewport: { width: number; height: number }, deviceScaleFactor = 1) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    contexts.push(context);
    return context.newPage();
  };
  let adminApi: Awaited<ReturnType<typeof setUp>>['admin'] | null = null;
  try {
    const adminPage = await newPage({ width: 1280, height: 800 });
    const { admin, csrf, token } = await setUp(adminPage, hub);
    adminApi = admin;
    // Both packs are on the hub: the one the store runs, and the next one (uploaded through the console in hub-packs.e2e.ts).
    await uploadPack({ api: admin, csrf }, DEMO_KPACK);
    const nextPack = await uploadPack({ api: admin, csrf }, changed);

    const pilot = await newPage({ width: 1080, height: 1920 }, 0.5);
    const other = await newPage({ width: 1080, height: 1920 }, 0.5);
    kiosks.push(await openEnrolledKiosk(pilot, hub, { kioskName: PILOT, token, heartbeatSec: HEARTBEAT_SEC, idle: IDLE }));
    kiosks.push(await openEnrolledKiosk(other, hub, { kioskName: OTHER, token: await enrolmentToken({ api: admin, csrf }), heartbeatSec: HEARTBEAT_SEC, idle: IDLE }));

    // The merchandiser's publishing page: both kiosks run the demo pack; the entrance one joins the pilot group.
    const desk = await newPage({ width: 1280, height: 800 });
    await signIn(desk, hub.url, MERCHANDISER);
    await desk.getByTestId('menu-packs').click();
    await desk.getByTestId('packs-tab-rollouts').click();
    await expect(desk.getByTestId('pack-fleet-row')).toHaveCount(2, { timeout: 30_000 });
    for (const name of [PILOT, OTHER]) {
      await expect(fleetRow(desk, name).getByTestId('pack-fleet-running')).toHaveText('freshpick-demo 1.0.0', { timeout: 30_000 });
      await expect(fleetRow(desk, name).getByTestId('pack-fleet-assigned')).toHaveText('—');
    }
    await fleetRow(desk, PILOT).getByTestId('kiosk-groups-edit').click();
    await fleetRow(desk, PILOT).getByTestId('kiosk-groups-input').fill('pilot');
    await fleetRow(desk, PILOT).getByTestId('kiosk-groups-save').click();
    await expect(fleetRow(desk, PILOT).getByTestId('kiosk-group')).toHaveText(['pilot']);
    await expect(fleetRow(desk, OTHER).getByTestId('kiosk-group')).toHaveCount(0);

    // Publish 1.0.1 to store sh-001, the pilot group first.
    await desk.getByTestId('menu-packs').click();
    await desk.locator(`[data-testid="pack-row"][data-pack-id="${nextPack}"]`).click();
    await desk.getByTestId('pack-view-publish').click();
    await desk.getByTestId('publish-store-sh-001').check();
    await desk.getByTestId('publish-staging-pilot').check();
    await desk.getByTestId('publish-pilot-group').fill('pilot');
    // Meanwhile a shopper at the entrance kiosk scans the oranges: the old price. (Scanned
    // just before the publish, not before the steps that lead to it: on a slow machine those
    // can take longer than the 10 s after which a shopper who stopped is gone.)
    await scanOranges(pilot, OLD_PRICE);
    const pilotTold = heartbeatAssigning(pilot, '1.0.1');
    const publishedSeq = await lastEventSeq(pilot);
    await desk.getByTestId('publish-submit').click();
    await expect(desk.getByTestId('rollout-row')).toHaveCount(1);
    await expect(desk.getByTestId('rollout-row')).toHaveAttribute('data-state', 'pilot');
    const otherAsked = heartbeatAssigning(other, null);

    // The entrance kiosk is told while the shopper is there: the shopper keeps the price they saw.
    await shopUntil(pilot, pilotTold, OLD_PRICE);
    await scanOranges(pilot, OLD_PRICE);
    expect(await appEvents(pilot, 'pack-loaded', publishedSeq)).toEqual([]);
    await desk.getByTestId('packs-tab-rollouts').click();
    await expect(fleetRow(desk, PILOT).getByTestId('pack-fleet-assigned')).toHaveText('freshpick-demo 1.0.1', { timeout: 15_000 });
    await expect(fleetRow(desk, PILOT).getByTestId('pack-fleet-running')).toHaveText('freshpick-demo 1.0.0');

    // The shopper leaves; the next one sees the new price, and the console says the kiosk runs 1.0.1.
    await nextShopperGets(pilot, '1.0.1');
    await scanOranges(pilot, NEW_PRICE);
    await expect(fleetRow(desk, PILOT).getByTestId('pack-fleet-running')).toHaveText('freshpick-demo 1.0.1', { timeout: (HEARTBEAT_SEC + 15) * 1000 });
    await expect(fleetRow(desk, PILOT)).toHaveAttribute('data-status', 'current');

    // The kiosk by the tills is not in the pilot: asked since, it is assigned nothing and keeps the old price.
    await otherAsked;
    await scanOranges(other, OLD_PRICE);
    expect(await appEvents(other, 'pack-loaded', 0)).toHaveLength(1);
    await expect(fleetRow(desk, OTHER).getByTestId('pack-fleet-assigned')).toHaveText('—');
    await expect(fleetRow(desk, OTHER).getByTestId('pack-fleet-running')).toHaveText('freshpick-demo 1.0.0');
    await expect(desk.getByTestId('rollout-row').getByTestId('rollout-kiosks')).toHaveText(/^\s*1 \/ 1 台已运行\s*$/);

    // Rolled back in one click (and its confirmation), while a shopper is at the entrance kiosk with the new price.
    const pilotUntold = heartbeatAssigning(pilot, null);
    const rolledBackSeq = await lastEventSeq(pilot);
    await desk.getByTestId('rollout-rollback').click();
    await desk.getByTestId('rollout-rollback-confirm').click();
    await expect(desk.getByTestId('rollout-row')).toHaveAttribute('data-state', 'rolled-back');
    await shopUntil(pilot, pilotUntold, NEW_PRICE);
    await scanOranges(pilot, NEW_PRICE);
    expect(await appEvents(pilot, 'pack-loaded', rolledBackSeq)).toEqual([]);
    await nextShopperGets(pilot, '1.0.0');
    await scanOranges(pilot, OLD_PRICE);
    await expect(fleetRow(desk, PILOT).getByTestId('pack-fleet-running')).toHaveText('freshpick-demo 1.0.0', { timeout: (HEARTBEAT_SEC + 15) * 1000 });
    await expect(fleetRow(desk, PILOT).getByTestId('pack-fleet-assigned')).toHaveText('—');

    // The audit log (the admin's page) lists the pilot group, the publish and the rollback.
    await signIn(adminPage, hub.url, ADMIN);
    await adminPage.getByTestId('menu-audit').click();
    const actions = adminPage.getByTestId('audit-row').locator('code');
    await expect(actions.filter({ hasText: 'pack.published' })).toHaveCount(1);
    await expect(actions.filter({ hasText: 'pack.rolled-back' })).toHaveCount(1);
    await expect(actions.filter({ hasText: 'kiosk.groups-changed' })).toHaveCount(1);
    await expect(adminPage.getByTestId('audit-row').filter({ hasText: 'pack.rolled-back' })).toContainText(MERCHANDISER.username);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
    await Promise.all(kiosks.map((k) => k.close()));
    await adminApi?.dispose();
    await hub.close();
  }
});
