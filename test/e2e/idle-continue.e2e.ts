// "Still there?" — a touch on "continue" keeps the session and does nothing else. The
// dialog used to close on touch-down, so the rest of the touch (the lift, the click
// the browser makes of a tap) landed on what lay under it: the games tile on the home
// screen, Home or the language button above a coupon. Tried three ways, as shoppers
// do: a finger (touch-down and up on the glass) and a mouse — both went through — and
// the hand-gesture cursor (its PointerEvents on whatever is under it at each moment; it
// sends no click when what it pressed is gone, so it never went through: kept so that
// holding the dialog does not make it). And the dialog does not come at all while a
// game loads or plays by itself: a shopper waiting for a game to appear (seconds on a
// busy machine, more than this test's 5 s before the warning) or watching a wheel spin
// is there.
import type { Page } from '@playwright/test';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { fastForwardUntilAppEvent } from '../support/app-events.ts';
import { appEventNames, expect, lastEventSeq, openKiosk, rendererDir, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES } from './games-fixture.ts';
import { playWheel, screenshot, writeGamesFixture } from './shopper-screens.ts';

type Way = 'finger' | 'hand cursor' | 'mouse';

/** Presses and releases at (x, y) the way `way` does. */
async function press(page: Page, way: Way, x: number, y: number): Promise<void> {
  if (way === 'finger') return page.touchscreen.tap(x, y);
  if (way === 'mouse') return page.mouse.click(x, y);
  // The hand cursor (renderer/src/gesture/pointer-dispatcher.ts): down on what is under
  // it, a pinch lasting a few frames, up on what is under it then, and a click on what
  // both were on.
  await page.evaluate(async ({ x, y }) => {
    const fire = (el: Element, type: string, buttons: number) =>
      el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons, view: window }));
    const down = document.elementFromPoint(x, y)!;
    fire(down, 'pointerdown', 1);
    for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(r));
    const up = document.elementFromPoint(x, y)!;
    fire(up, 'pointerup', 0);
    if (down.isConnected && up.isConnected) {
      let common: Element | null = up;
      while (common && !common.contains(down)) common = common.parentElement;
      if (common) fire(common, 'click', 0);
    }
  }, { x, y });
}

/** The centre of "continue", and the controls that lie under it. */
async function continueButton(page: Page) {
  const box = (await page.getByTestId('idle-countdown').locator('.idle-continue').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const under = await page.evaluate(
    ({ x, y }) =>
      document
        .elementsFromPoint(x, y)
        .filter((el) => !el.closest('[data-testid="idle-countdown"]'))
        .map((el) => el.closest('button, [data-testid^="tile-"]')?.getAttribute('data-testid'))
        .filter((id): id is string => Boolean(id)),
    { x, y },
  );
  return { x, y, under };
}

test.describe('a touch on "continue" changes no screen', () => {
  test.use({ hasTouch: true, config: { idle: { timeoutSec: 10, warningSec: 5 } } });

  for (const way of ['finger', 'hand cursor', 'mouse'] as const) {
    test(`on the home screen, with a ${way}: the countdown goes, the session and the screen stay`, async ({ page, kiosk }) => {
      await page.clock.install();
      const { errors } = await openKiosk(page, kiosk);
      await page.getByTestId('attract').click();
      await expect(page.getByTestId('tile-play')).toBeVisible();
      await fastForwardUntilAppEvent(page, 'idle-warning', {}, await lastEventSeq(page), 15_000);
      const { x, y, under } = await continueButton(page);
      // What a stray touch would press: a home tile lies right under "continue".
      expect(under.some((id) => id.startsWith('tile-'))).toBe(true);

      const before = await lastEventSeq(page);
      await press(page, way, x, y);
      await expect(page.getByTestId('idle-countdown')).toBeHidden();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await appEventNames(page, before);
      expect(after).not.toContain('screen');
      expect(after).not.toContain('session-ended');
      await expect(page.getByTestId('home')).toBeVisible();
      expect(errors).toEqual([]);
    });
  }

  test('a game that plays itself keeps the session: no "still there?" while the wheel waits and spins, and its coupon shows', async ({ page }) => {
    test.setTimeout(90_000);
    // The fixture's wheel waits 10 s for a tap, then spins by itself (4.5 s at full frame
    // rate, longer on a busy machine): all of it longer than this kiosk's 10 s idle timeout.
    const kiosk = await startKioskWebServer({ rendererDir, packDir: await writeGamesFixture(), config: { idle: { timeoutSec: 10, warningSec: 5 } } });
    try {
      await openKiosk(page, kiosk);
      await page.getByTestId('attract').click();
      await page.getByTestId('tile-play').click();
      const opened = await lastEventSeq(page);
      await page.getByTestId(`game-${FIXTURE_GAMES.wheel}`).click();
      await waitForAppEvent(page, 'game-ready', { id: FIXTURE_GAMES.wheel }, opened);
      const started = await lastEventSeq(page);
      await page.getByTestId('game-start').click();
      const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.wheel }, started, 60_000);
      const during = await appEventNames(page, started);
      expect(during).not.toContain('idle-warning');
      expect(during).not.toContain('session-ended');
      expect(result.detail.outcome).toBe('coupon');
      await expect(page.getByTestId('coupon')).toBeVisible();
    } finally {
      await kiosk.close();
    }
  });

  test.describe('over a coupon on a landscape screen (where Back, Home and the language sit in the top bar, under the countdown)', () => {
    test.use({ viewport: { width: 1920, height: 1080 } });
    test('over a coupon, with a finger: the bar leaves the QR code clear, and "continue" presses neither Home nor the language', async ({ page }) => {
      test.setTimeout(120_000);
      const kiosk = await startKioskWebServer({ rendererDir, packDir: await writeGamesFixture(), config: { idle: { timeoutSec: 30, warningSec: 5, couponTimeoutSec: 45 } } });
      try {
        await page.clock.install();
        await openKiosk(page, kiosk);
        await page.getByTestId('attract').click();
        await page.getByTestId('tile-play').click();
        const result = await playWheel(page, FIXTURE_GAMES.wheel);
        expect(result.detail.outcome).toBe('coupon');
        await fastForwardUntilAppEvent(page, 'idle-warning', {}, result.seq, 50_000);
        const bar = page.getByTestId('idle-countdown');
        await expect(bar).toHaveAttribute('data-compact', 'true');
        const qr = (await page.getByTestId('coupon-qr').boundingBox())!;
        const shown = (await bar.boundingBox())!;
        expect(shown.y + shown.height, 'the bar ends above the QR code').toBeLessThanOrEqual(qr.y);
        await screenshot(page, 'idle-continue', 'coupon-bar-landscape-zh-CN');

        const { x, y, under } = await continueButton(page);
        expect(under.length, 'a top-bar button lies under "continue"').toBeGreaterThan(0);
        const before = await lastEventSeq(page);
        await press(page, 'finger', x, y);
        await expect(bar).toBeHidden();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const after = await appEventNames(page, before);
        expect(after).not.toContain('screen');
        expect(after).not.toContain('locale');
        expect(after).not.toContain('session-ended');
        await expect(page.getByTestId('coupon')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      } finally {
        await kiosk.close();
      }
    });
  });
});
