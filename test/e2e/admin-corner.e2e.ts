// The hidden admin corner is where no control is. It used to be the top-left 120 px,
// which holds the Back button on every screen but home: five quick taps on Back (and on
// the spot where it was, once it had taken the shopper home) opened the PIN pad.
import { appEventNames, expect, lastEventSeq, openKiosk, test } from './fixtures.ts';

test.use({ hasTouch: true });

test('five quick taps on Back never open the PIN pad', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-play').click();
  await page.locator('.game-card').first().click();
  await expect(page.getByTestId('game-intro')).toBeVisible();
  // On its arrow, where a thumb lands: game → games → home, then three more taps where Back was.
  const back = (await page.getByTestId('back').boundingBox())!;
  const at = { x: back.x + 24, y: back.y + back.height / 2 };
  const before = await lastEventSeq(page);
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(at.x, at.y);
  await expect(page.getByTestId('tile-play')).toBeVisible();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await appEventNames(page, before)).not.toContain('admin-opened');
  await expect(page.getByTestId('admin-panel')).toHaveCount(0);
});

test('five quick taps on the very corner, where no control is, open it on any screen', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-offers').click();
  await expect(page.getByTestId('offers')).toBeVisible();
  const back = (await page.getByTestId('back').boundingBox())!;
  expect(back.x, 'Back starts right of the corner strip').toBeGreaterThan(40);
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(16, 24);
  await expect(page.getByTestId('admin-panel')).toBeVisible();
});
