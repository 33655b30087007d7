// Words that agree with each other and with what happens: prices in ¥ in both
// languages (not "CN¥" in English); the games list and each game's intro say the same
// about prizes, at an hour with prizes and at one without ("three of a kind wins" on
// the list while the game said "no prizes now"); a coupon's hint says how to keep it and
// leaves where to use it to the campaign's terms (a juice coupon said "checkout").
import { en } from '../../renderer/src/i18n/en.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { scannableProduct } from '../support/pack-products.ts';
import { demoPackDir, expect, lastEventSeq, openKiosk, rendererDir, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES } from './games-fixture.ts';
import { wedgeScan } from './scan-kiosk.ts';
import { ALL_DAY_DEMO_PACK, screenshot, writeAllDayDemoPack, writeGamesFixture } from './shopper-screens.ts';

test.use({ timezoneId: 'Asia/Shanghai', config: { scanner: { camera: false } } });

test('prices show ¥ in Chinese and in English', async ({ page, kiosk }) => {
  const item = await scannableProduct(demoPackDir);
  await openKiosk(page, kiosk);
  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'product-shown', { found: true });
  await expect(page.getByTestId('product-price')).toContainText('¥');
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const price = await page.getByTestId('product-price').textContent();
  expect(price).toContain('¥');
  expect(price).not.toContain('CN¥');
});

test.describe('the games list and each game agree about prizes', () => {
  test.use({ packDir: ALL_DAY_DEMO_PACK });
  test.beforeAll(writeAllDayDemoPack);

  for (const [hour, when] of [
    ['noon', '2026-11-25T12:00:00+08:00'],
    ['half past nine at night, after the juice campaign\'s hours', '2026-11-25T21:30:00+08:00'],
  ] as const) {
    test(`at ${hour}`, async ({ page, kiosk }) => {
      await page.clock.setSystemTime(new Date(when));
      await openKiosk(page, kiosk);
      await page.getByTestId('attract').click();
      await page.getByTestId('tile-play').click();
      const ids = await page.locator('.game-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.slice('game-'.length)));
      expect(ids.length).toBe(3);
      const noted: string[] = [];
      for (const id of ids) {
        const listNote = page.getByTestId(`game-note-${id}`);
        // The list asks the prize rules as the intro does: wait for the answer.
        await expect(page.getByTestId(`game-${id}`)).not.toHaveAttribute('data-availability', 'asking');
        const opened = await lastEventSeq(page);
        const listSays = (await listNote.count()) > 0 ? await listNote.textContent() : null;
        await page.getByTestId(`game-${id}`).click();
        await waitForAppEvent(page, 'game-ready', { id }, opened);
        const introNote = page.getByTestId('game-intro').locator('.intro-note');
        const introSays = (await introNote.count()) > 0 ? await introNote.textContent() : null;
        expect(listSays === null, `${id}: the list ("${listSays}") and the intro ("${introSays}") agree`).toBe(introSays === null);
        if (introSays === zhCN.play.noPrizeNote) expect(listSays).toBe(zhCN.games.noPrize);
        if (listSays) noted.push(id);
        await page.getByTestId('back').click();
        await expect(page.getByTestId('games')).toBeVisible();
      }
      // The scratch card gives the juice coupon, 08:00–20:00.
      expect(noted).toEqual(hour === 'noon' ? [] : ['scratch-card']);
      if (hour !== 'noon') await screenshot(page, 'shopper-copy', 'games-after-hours-zh-CN');
    });
  }
});

test('a coupon without a claim link says how to keep it, not where to use it', async ({ page }) => {
  test.setTimeout(90_000);
  const kiosk = await startKioskWebServer({ rendererDir, packDir: await writeGamesFixture(), config: { idle: { timeoutSec: 120, warningSec: 10 } } });
  try {
    await openKiosk(page, kiosk);
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-play').click();
    const opened = await lastEventSeq(page);
    await page.getByTestId(`game-${FIXTURE_GAMES.scratch}`).click();
    await waitForAppEvent(page, 'game-ready', { id: FIXTURE_GAMES.scratch }, opened);
    const started = await lastEventSeq(page);
    await page.getByTestId('game-start').click();
    await waitForAppEvent(page, 'game-started', { id: FIXTURE_GAMES.scratch }, started);
    const canvas = (await page.getByTestId('game-stage').boundingBox())!;
    const finished = () => page.evaluate(() => window.__kioskTest!.events.some((e) => e.type === 'game-finished'));
    // Scratched row by row, across and down, as a finger does (the card fills in the brush
    // between two samples): one move per stroke, so a busy machine is not kept dispatching
    // in-between points the card does not need.
    await page.mouse.move(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * 0.12);
    await page.mouse.down();
    for (let row = 0.12, end = 0.9; row < 0.9 && !(await finished()); row += 0.05, end = 1 - end) {
      await page.mouse.move(canvas.x + canvas.width * end, canvas.y + canvas.height * row);
      await page.mouse.move(canvas.x + canvas.width * end, canvas.y + canvas.height * (row + 0.05));
    }
    await page.mouse.up();
    const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.scratch }, started, 45_000);
    expect(result.detail.outcome).toBe('coupon');
    const coupon = page.getByTestId('coupon');
    await expect(coupon).toContainText(zhCN.play.photoToKeep);
    await expect(coupon).not.toContainText('结账');
    await page.getByTestId('language-toggle').click();
    await expect(coupon).toContainText(en.play.photoToKeep);
    await expect(coupon).not.toContainText('checkout');
    await screenshot(page, 'shopper-copy', 'coupon-without-link-en');
  } finally {
    await kiosk.close();
  }
});
