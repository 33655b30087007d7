// A coupon's whole life through the hub, as the people involved see it: a shopper wins
// a coupon on a real kiosk (browser mode, enrolled with the hub), the cashier reads its
// QR code on the console's till page (as a USB scanner does: the text and Enter) and is
// told it is valid; the same coupon again is refused as already used, with the store and
// time of the first redemption; a forged copy is refused. The analyst then sees that one
// shopper session on every step of the funnel, the reconciliation shows one issued and
// one redeemed, and none of the kiosk's events broke the tracking plan.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { findToken } from '../../content/schema/coupon/index.ts';
import { startHub, BUILT_CONSOLE_DIR, type RunningHub } from '../../hub/server/start-hub.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { makeToken, setUpAdmin } from './console-steps.ts';
import { readQr, tamper } from './coupon-qr.ts';
import { expect, lastEventSeq, rendererDir, repo, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES, writeGamesFixturePack } from './games-fixture.ts';

let work: string;
let hub: RunningHub;
let kiosk: KioskWebServer | null = null;
test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'hub-coupons-e2e-'));
  await writeGamesFixturePack(path.join(work, 'pack'));
  hub = await startHub({ port: 0, dataDir: path.join(work, 'hub'), logger: false, jobs: false, options: { consoleDir: BUILT_CONSOLE_DIR } });
});
test.afterAll(async () => {
  await kiosk?.close();
  await hub?.close();
  await rm(work, { recursive: true, force: true });
});

/** A shopper wakes the kiosk, opens the games, spins the wheel (odds 1) and gets its coupon; returns what the QR code says. */
async function winCoupon(page: Page): Promise<string> {
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-play').click();
  const opened = await lastEventSeq(page);
  await page.getByTestId(`game-${FIXTURE_GAMES.wheel}`).click();
  await waitForAppEvent(page, 'game-ready', { id: FIXTURE_GAMES.wheel }, opened);
  await page.getByTestId('game-start').click();
  await waitForAppEvent(page, 'game-started', { id: FIXTURE_GAMES.wheel }, opened);
  const stage = (await page.getByTestId('game-stage').boundingBox())!;
  await page.mouse.click(stage.x + stage.width / 2, stage.y + stage.height / 2);
  const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.wheel }, opened, 45_000);
  expect(result.detail).toMatchObject({ outcome: 'coupon' });
  return readQr(page.getByTestId('coupon-qr'));
}

/** The cashier's USB scanner types the QR code's text into the till field and presses Enter. */
async function scanAtTill(till: Page, text: string): Promise<void> {
  await till.getByTestId('till-token').fill(text);
  await till.getByTestId('till-token').press('Enter');
  await expect(till.getByTestId('till-verdict')).toBeVisible();
}

const storedCount = (event: string) =>
  hub.store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', event).executeTakeFirstOrThrow().then((r) => Number(r.n));

test('a coupon won on a kiosk is redeemed once at the till, refused the second time and when forged, and shows on the funnel', async ({ browser }) => {
  test.setTimeout(180_000);
  const consolePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await setUpAdmin(consolePage, hub.setupUrl!);
  const enrolment = await makeToken(consolePage, 'sh-001', '静安店');

  kiosk = await startKioskWebServer({
    rendererDir,
    packDir: path.join(work, 'pack'),
    config: { storeId: 'sh-001', kioskName: '入口橱窗', idle: { timeoutSec: 120, warningSec: 10 }, hub: { url: hub.url, enrolmentToken: enrolment, heartbeatSec: 15 } },
    connectOrigins: [new URL(hub.url).origin],
  });
  const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
  await kioskPage.goto(kiosk.url);
  await waitForAppEvent(kioskPage, 'hub-status', { state: 'enrolled' }, 0, 30_000);

  const qrText = await winCoupon(kioskPage);
  const token = findToken(qrText)!;
  expect(token).toBeTruthy();
  // The shopper is done; the kiosk's events (the coupon's among them) reach the hub.
  await kioskPage.getByTestId('game-done').click();
  await expect.poll(() => storedCount('Coupon Issued'), { timeout: 60_000 }).toBe(1);

  // At the till: the claim link as the phone holds it, read by a scanner.
  await consolePage.getByTestId('menu-till').click();
  await consolePage.getByTestId('till-store').selectOption('sh-001');
  await scanAtTill(consolePage, qrText);
  await expect(consolePage.getByTestId('till-verdict-headline')).toHaveText('有效：赠品');
  await expect(consolePage.getByTestId('till-token')).toBeFocused();

  // The same coupon again: refused, naming where and when it was used.
  await scanAtTill(consolePage, token);
  await expect(consolePage.getByTestId('till-verdict-headline')).toContainText('已于');
  await expect(consolePage.getByTestId('till-verdict-headline')).toContainText('静安店');
  // The hub keeps the second attempt too, for the "redeemed twice" column of the reconciliation.
  const outcomes = async () => (await hub.store.db.selectFrom('redemptions').select(['outcome', 'store_id']).orderBy('id').execute()).map((r) => `${r.outcome}@${r.store_id}`);
  expect(await outcomes()).toEqual(['first@sh-001', 'again@sh-001']);

  // A forged copy: refused, and nothing more is stored.
  await scanAtTill(consolePage, tamper(token));
  await expect(consolePage.getByTestId('till-verdict-headline')).toContainText('无效');
  await expect(consolePage.getByTestId('till-verdict')).toContainText('伪造或被篡改');
  expect(await outcomes()).toEqual(['first@sh-001', 'again@sh-001']);

  // The analyst: one session on every step, from the kiosk waking to the till.
  await consolePage.getByTestId('menu-analytics').click();
  const funnel = consolePage.getByTestId('report-funnel');
  await funnel.getByTestId('chart-toggle').click();
  const rows = funnel.getByTestId('chart-table').locator('tbody tr');
  for (const step of ['开始会话', '到达首页', '其中：玩游戏', '完成游戏', '获得优惠券', '在收银台核销']) {
    await expect(rows.filter({ hasText: step }).locator('td').nth(1), step).toHaveText('1');
  }
  // Every event the kiosk sent keeps to the tracking plan.
  await expect(consolePage.getByTestId('report-plan-problems').getByTestId('chart-empty')).toBeVisible();
  const broken = await hub.store.db.selectFrom('events').select(['event', 'plan_problem']).where('plan_problem', 'is not', null).execute();
  expect(broken).toEqual([]);

  // The reconciliation: one issued, one redeemed, nothing odd.
  await consolePage.getByTestId('menu-coupons').click();
  const recon = consolePage.getByTestId('reconciliation');
  await expect(recon.locator('tbody tr').filter({ hasText: 'free-juice' })).toContainText('100.0%');
  await expect(consolePage.getByTestId('coupon-gaps-empty')).toBeVisible();
  await consolePage.screenshot({ path: path.join(repo, 'test-results', 'screenshots', 'console', 'coupons-after-redemption-zh-1280.png') });
});
