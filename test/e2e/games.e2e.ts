// The mini-games end to end: each game played to its end in Chromium with synthetic
// pointer input (the mouse, a finger on a touch screen, and PointerEvents as the
// hand-gesture cursor sends them), then the coupon's QR code read off the screen with
// zxing, its token verified against the kiosk's public key, and the "Coupon Issued"
// event found at the kiosk's hub — where reconciliation finds nothing wrong,
// and a tampered token fails. What the shopper does must be what moves the game: the
// basket is seen following the pointer, and a wheel starts spinning right after its tap,
// long before it would spin by itself.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { findToken, verifyCoupon, type KnownCouponKey } from '../../content/schema/coupon/index.ts';
import { issuedFromRecords } from '../../content/coupon-tools/coupon-records.ts';
import { reconcileCoupons } from '../../content/coupon-tools/reconcile.ts';
import { startHubRig, type HubRig } from '../support/hub-rig.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { demoPackDir, expect, gameFinished, lastEventSeq, rendererDir, test, waitForAppEvent } from './fixtures.ts';
import { probeStage } from '../support/stage-probe.ts';
import { readQr, tamper } from './coupon-qr.ts';
import { CLAIM_URL_TEMPLATE, FIXTURE_GAMES, writeGamesFixturePack } from './games-fixture.ts';
import { basketX, chaseFruit } from './games-players.ts';
import { writeAllDayDemoPack } from './shopper-screens.ts';

let work: string;
test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'games-e2e-'));
  await writeGamesFixturePack(path.join(work, 'pack'));
});
test.afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Rig {
  page: Page;
  hub: HubRig;
  kiosk: KioskWebServer;
  errors: string[];
}

/** A kiosk enrolled with its own hub (where its events go), opened on the games list. */
async function openGames(page: Page, packDir = path.join(work, 'pack')): Promise<Rig> {
  const hub = await startHubRig();
  const kiosk = await startKioskWebServer({
    rendererDir,
    packDir,
    config: { idle: { timeoutSec: 120, warningSec: 10 }, hub: hub.kioskHub },
    connectOrigins: hub.connectOrigins,
  });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready');
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-play').click();
  return { page, hub, kiosk, errors };
}

async function closeRig(rig: Rig) {
  await rig.kiosk.close();
  await rig.hub.close();
}

/** Opens a game, waits for its intro, presses start (with a click, or as `press` says) and waits out the countdown. */
async function startGame(page: Page, id: string, press: (button: Locator) => Promise<void> = (b) => b.click()): Promise<{ canvas: { x: number; y: number; width: number; height: number } }> {
  const opened = await lastEventSeq(page);
  await press(page.getByTestId(`game-${id}`));
  await waitForAppEvent(page, 'game-ready', { id }, opened);
  await expect(page.getByTestId('game-intro')).toBeVisible();
  const before = await lastEventSeq(page);
  await press(page.getByTestId('game-start'));
  await waitForAppEvent(page, 'game-started', { id }, before);
  const canvas = await page.getByTestId('game-stage').boundingBox();
  if (!canvas) throw new Error('the game is not on screen');
  return { canvas };
}

/** The kiosk's coupon public key, as its web host announces it. */
async function kioskKey(page: Page): Promise<KnownCouponKey> {
  return (await waitForAppEvent(page, 'coupon-key')).detail as unknown as KnownCouponKey;
}

interface CollectedEvent {
  event: string;
  properties: Record<string, unknown>;
}
/** Every event the hub stored, in the order it received them. */
async function collected(hub: HubRig): Promise<CollectedEvent[]> {
  return (await hub.allEvents()).map((e) => e.body as CollectedEvent);
}

/**
 * Checks what a shopper took away: the QR code on screen holds a token that verifies
 * against the kiosk's key, its "Coupon Issued" event reached the backend, and the
 * backend's reconciliation of that redemption finds nothing wrong.
 */
async function checkCoupon(rig: Rig, id: string, expected: { campaign: string; title: RegExp; link: boolean }) {
  const { page, hub } = rig;
  const result = await waitForAppEvent(page, 'game-result', { id }, 0, 45_000);
  expect(result.detail).toMatchObject({ outcome: 'coupon' });
  await expect(page.getByTestId('game-message')).toContainText('恭喜你中奖了');
  await expect(page.getByTestId('coupon-title')).toHaveText(expected.title);

  const text = await readQr(page.getByTestId('coupon-qr'));
  if (expected.link) expect(text.toLowerCase().startsWith(CLAIM_URL_TEMPLATE.replace('{token}', '').toLowerCase())).toBe(true);
  else expect(text).toMatch(/^[A-Z2-7]{152}$/);
  const token = findToken(text)!;
  const key = await kioskKey(page);
  const verdict = await verifyCoupon(text, [key]);
  expect(verdict).toMatchObject({ valid: true, fields: { kioskId: key.kioskId } });
  await expect(page.getByTestId('coupon')).toHaveAttribute('data-coupon-id', `${key.kioskId}-${verdict.valid ? verdict.fields.seq : 0}`);

  // The backend has the issue record, with the very token on the screen.
  await expect.poll(async () => (await collected(hub)).filter((e) => e.event === 'Coupon Issued').map((e) => e.properties.token), { timeout: 30_000 }).toContain(token);
  const events = await collected(hub);
  const issuedEvent = events.find((e) => e.event === 'Coupon Issued' && e.properties.token === token)!;
  expect(issuedEvent.properties).toMatchObject({ campaign_id: expected.campaign, game_id: id, kiosk_id: key.kioskId, key_id: key.keyId });
  const finished = events.find((e) => e.event === 'Game Finished' && e.properties.game_id === id)!;
  expect(finished.properties).toMatchObject({ completed: true, prize_outcome: 'won', campaign_id: expected.campaign, prize_seed: expect.stringMatching(/^[0-9a-f]{32}$/) });

  const { issued } = issuedFromRecords(events);
  const now = Math.floor(Date.now() / 1000);
  expect(await reconcileCoupons(issued, [{ token: text, redeemedAt: now }], { keys: [key] })).toEqual([]);
  return { token, key, issued };
}

/** The game's time left as the HUD shows it (whole seconds). */
async function hudSecondsLeft(page: Page): Promise<number> {
  const hud = page.getByTestId('game-hud-time');
  await expect(hud).toBeVisible();
  return Number((await hud.textContent())?.match(/(\d+)\s*秒/)?.[1] ?? NaN);
}

/**
 * Taps the wheel with `tap` and proves that the tap spun it: the wheel also spins by
 * itself once its waiting time is up, so the tap must come with seconds still left and
 * the spin must start (the time leaves the HUD as the wheel asks for its prize) well
 * before that.
 */
async function expectTapSpins(page: Page, tap: () => Promise<void>): Promise<void> {
  const left = await hudSecondsLeft(page);
  // More than 3 s of play left; the spin must start within 2 s of the tap.
  expect(left, 'seconds left before the wheel would spin by itself').toBeGreaterThanOrEqual(4);
  await tap();
  await expect(page.getByTestId('game-hud-time'), 'the wheel starts spinning right after the tap').toBeHidden({ timeout: 2_000 });
}


test.describe('mini-games', () => {
  test.describe.configure({ timeout: 120_000 });

  test('catch: the basket follows the mouse, caught fruit scores, and the prize is a coupon whose QR code verifies', async ({ page }) => {
    const rig = await openGames(page);
    try {
      await expect(page.getByTestId(`game-${FIXTURE_GAMES.catch}`)).toContainText('接鲜果');
      await page.getByTestId(`game-${FIXTURE_GAMES.catch}`).click();
      await expect(page.getByTestId('game-howto')).toContainText('左右移动篮子接住水果，别接到虫子！');
      await page.getByTestId('back').click();
      const { canvas } = await startGame(page, FIXTURE_GAMES.catch);
      await expect(page.getByTestId('game-hud-time')).toContainText('秒');
      // The basket is drawn where the pointer is: to the left edge, then to the right edge.
      const pointerY = canvas.y + canvas.height * 0.8;
      const middle = canvas.x + canvas.width / 2;
      expect(Math.abs(((await basketX(page, canvas)) ?? Infinity) - middle), 'the basket starts in the middle').toBeLessThan(canvas.width * 0.05);
      await page.mouse.move(canvas.x + 4, pointerY, { steps: 3 });
      await expect.poll(() => basketX(page, canvas), { timeout: 2_000 }).toBeLessThan(canvas.x + canvas.width * 0.25);
      await page.mouse.move(canvas.x + canvas.width - 4, pointerY, { steps: 3 });
      await expect.poll(() => basketX(page, canvas), { timeout: 2_000 }).toBeGreaterThan(canvas.x + canvas.width * 0.75);
      await chaseFruit(page, canvas, gameFinished(page, FIXTURE_GAMES.catch));
      const finished = await waitForAppEvent(page, 'game-finished', { id: FIXTURE_GAMES.catch });
      expect(finished.detail.score).toBeGreaterThan(0);
      await checkCoupon(rig, FIXTURE_GAMES.catch, { campaign: 'ten-off', title: /满59减10元/, link: false });
      await expect(page.getByTestId('game-score')).toHaveText(`得分 ${finished.detail.score}`);
      expect(rig.errors).toEqual([]);
    } finally {
      await closeRig(rig);
    }
  });

  test('wheel: a hand-cursor tap spins it; the QR code is the claim link; its token verifies and a tampered copy does not', async ({ page }) => {
    const rig = await openGames(page);
    try {
      const { canvas } = await startGame(page, FIXTURE_GAMES.wheel);
      // The gesture cursor sends real PointerEvents (type mouse) where the hand points.
      await expectTapSpins(page, () =>
        page.getByTestId('game-stage').evaluate((el, at) => {
          for (const type of ['pointermove', 'pointerdown', 'pointerup']) {
            el.dispatchEvent(new PointerEvent(type, { clientX: at.x, clientY: at.y, pointerType: 'mouse', pointerId: 1, isPrimary: true, bubbles: true, buttons: type === 'pointerdown' ? 1 : 0 }));
          }
        }, { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 }),
      );
      const { token, key, issued } = await checkCoupon(rig, FIXTURE_GAMES.wheel, { campaign: 'free-juice', title: /鲜榨橙汁一杯/, link: true });
      await expect(page.getByTestId('coupon')).toContainText('用手机扫码，把优惠券存到手机上');

      const forged = tamper(token);
      expect(await verifyCoupon(forged, [key])).toMatchObject({ valid: false, reason: 'bad-signature' });
      const findings = await reconcileCoupons(issued, [{ token: forged, redeemedAt: Math.floor(Date.now() / 1000) }], { keys: [key] });
      expect(findings.map((f) => f.kind).sort()).toEqual(['invalid-token', 'redeemed-never-issued']);
      expect(rig.errors).toEqual([]);
    } finally {
      await closeRig(rig);
    }
  });

  test('scratch card: scratching with a pressed mouse uncovers the card, three of a kind brings the coupon, and another card leaves nothing behind', async ({ page }) => {
    const rig = await openGames(page);
    const scratchOff = async (after: number) => {
      const { canvas } = await startGame(page, FIXTURE_GAMES.scratch);
      await expect(page.getByTestId('game-hud-time')).toBeVisible();
      const finished = gameFinished(page, FIXTURE_GAMES.scratch, after);
      await page.mouse.move(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * 0.12);
      await page.mouse.down();
      for (let row = 0.12; row < 0.9 && !(await finished()); row += 0.05) {
        await page.mouse.move(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * row, { steps: 2 });
        await page.mouse.move(canvas.x + canvas.width * 0.9, canvas.y + canvas.height * row, { steps: 3 });
      }
      await page.mouse.up();
      // The card reveals itself at 60 % scratched (or when time is up on a slow machine).
      return waitForAppEvent(page, 'game-finished', { id: FIXTURE_GAMES.scratch }, after);
    };
    const leaveGame = async () => {
      const before = await lastEventSeq(page);
      await page.getByTestId('game-done').click();
      await waitForAppEvent(page, 'screen', { screen: 'games' }, before);
      return probeStage(page);
    };
    try {
      const result = await scratchOff(0);
      expect(result.detail.score).toBeGreaterThan(20);
      await checkCoupon(rig, FIXTURE_GAMES.scratch, { campaign: 'ten-off', title: /满59减10元/, link: false });
      const afterOne = await leaveGame();

      // A second card (no prize now: one per shopper) must leave the renderer as the first did.
      // A card painted with a shape filled with its own texture left pixi a cached bind group
      // with listeners on its shared textures, for good, on every card.
      const second = await scratchOff(await lastEventSeq(page));
      expect(second.detail.score).toBeGreaterThan(20);
      await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.scratch }, second.seq);
      const afterTwo = await leaveGame();
      expect(afterTwo.stageChildren).toBe(0);
      expect(afterTwo.sharedTextureListeners).toBe(afterOne.sharedTextureListeners);
      expect(rig.errors).toEqual([]);
    } finally {
      await closeRig(rig);
    }
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });

    test('scratch card: a finger opens it, scratches it off and reaches the coupon', async ({ page }) => {
      const rig = await openGames(page);
      try {
        const { canvas } = await startGame(page, FIXTURE_GAMES.scratch, (button) => button.tap());
        // What reaches the game: every pointer event on the stage, by its pointer type.
        await page.getByTestId('game-stage').evaluate((el) => {
          const seen = new Set<string>();
          (window as unknown as { __stagePointers: Set<string> }).__stagePointers = seen;
          for (const type of ['pointerdown', 'pointermove', 'pointerup']) el.addEventListener(type, (e) => seen.add(`${e.type} ${(e as PointerEvent).pointerType}`), true);
        });
        // A finger on the glass, as the touch screen's driver reports it: start, moves, end.
        const cdp = await page.context().newCDPSession(page);
        const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) =>
          cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 7, radiusX: 12, radiusY: 12, force: 1 }] });
        const finished = gameFinished(page, FIXTURE_GAMES.scratch);
        const at = (fx: number, fy: number) => [canvas.x + canvas.width * fx, canvas.y + canvas.height * fy] as const;
        await touch('touchStart', ...at(0.1, 0.12));
        for (let row = 0.12; row < 0.9 && !(await finished()); row += 0.05) {
          for (let fx = 0.1; fx <= 0.9; fx += 0.1) await touch('touchMove', ...at(fx, row));
          await touch('touchMove', ...at(0.1, row + 0.05));
        }
        await touch('touchEnd');
        const result = await waitForAppEvent(page, 'game-finished', { id: FIXTURE_GAMES.scratch });
        expect(result.detail.score).toBeGreaterThan(20);
        await checkCoupon(rig, FIXTURE_GAMES.scratch, { campaign: 'ten-off', title: /满59减10元/, link: false });
        await expect(page.getByTestId('game-result')).toBeVisible();
        const seen = await page.evaluate(() => [...(window as unknown as { __stagePointers: Set<string> }).__stagePointers].sort());
        expect(seen).toEqual(['pointerdown touch', 'pointermove touch', 'pointerup touch']);
        expect(rig.errors).toEqual([]);
      } finally {
        await closeRig(rig);
      }
    });
  });

  test('sold out: the intro says so kindly, the game still plays, and no coupon appears', async ({ page }) => {
    const rig = await openGames(page);
    try {
      await page.getByTestId(`game-${FIXTURE_GAMES.soldOut}`).click();
      await expect(page.getByTestId('game-sold-out')).toHaveText('今天的优惠券已经送完了，游戏照样可以玩哦！');
      await page.getByTestId('back').click();
      const { canvas } = await startGame(page, FIXTURE_GAMES.soldOut);
      await expectTapSpins(page, () => page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2));
      const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.soldOut }, 0, 30_000);
      expect(result.detail).toMatchObject({ outcome: 'no-prize', reason: 'sold-out' });
      await expect(page.getByTestId('game-message')).toHaveText('太可惜了，今天的优惠券已经送完，明天再来试试吧');
      await expect(page.getByTestId('coupon')).toHaveCount(0);
      await expect.poll(async () => (await collected(rig.hub)).find((e) => e.event === 'Game Finished')?.properties, { timeout: 30_000 }).toMatchObject({ prize_outcome: 'none', prize_reason: 'sold-out', campaign_id: 'juice-gone' });
      expect((await collected(rig.hub)).some((e) => e.event === 'Coupon Issued')).toBe(false);

      // "Play again" sets up a fresh game.
      const before = await lastEventSeq(page);
      await page.getByTestId('game-again').click();
      await waitForAppEvent(page, 'game-ready', { id: FIXTURE_GAMES.soldOut }, before);
      await expect(page.getByTestId('game-intro')).toBeVisible();
      expect(rig.errors).toEqual([]);
    } finally {
      await closeRig(rig);
    }
  });

  test('the demo pack: its wheel lands on what the prize rules chose, and a coupon it gives verifies', async ({ page }) => {
    const gamesFile = path.join(demoPackDir, 'data', 'games.json');
    test.skip(!existsSync(gamesFile), 'the demo pack is not built (npx tsx content/demo/build-demo.ts)');
    const wheel = (JSON.parse(readFileSync(gamesFile, 'utf8')) as { id: string; kind: string }[]).find((g) => g.kind === 'wheel');
    test.skip(!wheel, 'the demo pack has no wheel');
    // All day: the demo's breakfast daypart offers no wheel, and this test runs at any hour.
    const rig = await openGames(page, await writeAllDayDemoPack());
    try {
      const { canvas } = await startGame(page, wheel!.id);
      await expectTapSpins(page, () => page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2));
      const result = await waitForAppEvent(page, 'game-result', { id: wheel!.id }, 0, 45_000);
      await expect(page.getByTestId('game-result')).toBeVisible();
      await expect(page.getByTestId('game-message')).not.toBeEmpty();
      if (result.detail.outcome === 'coupon') {
        const text = await readQr(page.getByTestId('coupon-qr'));
        expect(await verifyCoupon(text, [await kioskKey(page)])).toMatchObject({ valid: true });
      } else {
        expect(result.detail.outcome).toBe('no-prize');
        await expect(page.getByTestId('coupon')).toHaveCount(0);
      }
      expect(rig.errors).toEqual([]);
    } finally {
      await closeRig(rig);
    }
  });
});
