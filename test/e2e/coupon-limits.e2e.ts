// Coupons cannot be farmed. "Play again" on a wheel that always pays used to print a
// coupon each time; now a campaign gives one shopper session as many coupons as its
// capPerSession (1 unless the pack says more), and this kiosk waits its cooldownSec
// between two of its coupons, whoever plays — both said kindly, in both languages.
// The games fixture pack names neither limit, as a pack made before them: the defaults
// (one a session, 60 s) apply; the walk-away test gives its wheel a longer cool-down. The result screens are also checked to fit the screen,
// in both orientations and languages, with screenshots in test-results/screenshots/.
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { fastForwardUntilAppEvent } from '../support/app-events.ts';
import { expect, lastEventSeq, openKiosk, ORIENTATIONS, rendererDir, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES } from './games-fixture.ts';
import { playWheel, screenshot, settle, textOffScreen, textOverlaps, writeGamesFixture, writeGamesFixtureVariant } from './shopper-screens.ts';

/** The result screen fits, in the language shown now and after the toggle; a screenshot of each. */
async function resultFits(page: Page, name: string): Promise<void> {
  for (const locale of ['zh-CN', 'en'] as const) {
    if ((await page.locator('html').getAttribute('lang')) !== locale) {
      await page.getByTestId('language-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
    }
    await settle(page);
    expect(await textOffScreen(page), `${name} ${locale}: text off the screen`).toEqual([]);
    expect(await textOverlaps(page), `${name} ${locale}: text over text`).toEqual([]);
    await screenshot(page, 'coupon-limits', `${name}-${locale}`);
  }
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

for (const [orientation, viewport] of ORIENTATIONS) {
  test.describe(`${orientation} ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('"Play again" after a win: the second coupon is refused kindly, in Chinese and English, and the game list says so', async ({ page }) => {
      test.setTimeout(120_000);
      const kiosk = await startKioskWebServer({ rendererDir, packDir: await writeGamesFixture(), config: { idle: { timeoutSec: 120, warningSec: 10 } } });
      try {
        const { errors } = await openKiosk(page, kiosk);
        await page.getByTestId('attract').click();
        await page.getByTestId('tile-play').click();
        const first = await playWheel(page, FIXTURE_GAMES.wheel);
        expect(first.detail.outcome).toBe('coupon');
        await resultFits(page, `${orientation}-result-coupon`);

        // Play again: the intro says there is nothing more to win for this shopper…
        const again = await lastEventSeq(page);
        await page.getByTestId('game-again').click();
        await waitForAppEvent(page, 'game-ready', { id: FIXTURE_GAMES.wheel }, again);
        await expect(page.getByTestId('game-no-prize-note')).toHaveText(zhCN.play.sessionLimitNote);
        await page.getByTestId('back').click();
        // …and so does the list (other campaigns' games are not affected).
        await expect(page.getByTestId(`game-note-${FIXTURE_GAMES.wheel}`)).toHaveText(zhCN.games.sessionLimit);
        await expect(page.getByTestId(`game-note-${FIXTURE_GAMES.scratch}`)).toHaveCount(0);

        // The game still plays; the wheel lands on no prize and says why.
        const second = await playWheel(page, FIXTURE_GAMES.wheel);
        expect(second.detail).toMatchObject({ outcome: 'no-prize', reason: 'session-limit', couponId: null });
        await expect(page.getByTestId('game-message')).toHaveText(zhCN.play.sessionLimit);
        await expect(page.getByTestId('coupon')).toHaveCount(0);
        await page.getByTestId('language-toggle').click();
        await expect(page.getByTestId('game-message')).toHaveText(en.play.sessionLimit);
        await page.getByTestId('language-toggle').click();
        await resultFits(page, `${orientation}-result-second-coupon-refused`);
        expect(errors).toEqual([]);
      } finally {
        await kiosk.close();
      }
    });
  });
}

test('walking away and coming back: the next session waits out the cool-down, and is told so', async ({ page }) => {
  test.setTimeout(120_000);
  // The wheel's campaign with a ten-minute cool-down: however slow the machine, the next session comes within it.
  const packDir = await writeGamesFixtureVariant('cooldown', (campaigns) => {
    for (const c of campaigns) if (c.id === 'free-juice') c.cooldownSec = 600;
  });
  const kiosk = await startKioskWebServer({ rendererDir, packDir, config: { idle: { timeoutSec: 25, warningSec: 3 } } });
  try {
    // The page's clock runs as usual until the shopper walks away; then it moves on past the timeout.
    await page.clock.install();
    await openKiosk(page, kiosk);
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-play').click();
    expect((await playWheel(page, FIXTURE_GAMES.wheel)).detail.outcome).toBe('coupon');
    const done = await lastEventSeq(page);
    await page.getByTestId('game-done').click();
    await fastForwardUntilAppEvent(page, 'session-ended', { reason: 'idle' }, done, 40_000);

    // A "new shopper" a few seconds later.
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-play').click();
    await expect(page.getByTestId(`game-note-${FIXTURE_GAMES.wheel}`)).toHaveText(zhCN.games.coolingDown);
    const result = await playWheel(page, FIXTURE_GAMES.wheel);
    expect(result.detail).toMatchObject({ outcome: 'no-prize', reason: 'cooling-down' });
    await expect(page.getByTestId('game-message')).toHaveText(zhCN.play.coolingDown);
    await page.getByTestId('language-toggle').click();
    await expect(page.getByTestId('game-message')).toHaveText(en.play.coolingDown);
    await screenshot(page, 'coupon-limits', 'portrait-result-cooling-down-en');
  } finally {
    await kiosk.close();
  }
});
