// What a shopper sees, in both orientations and both languages: the screenshots go to
// test-results/e2e/screenshots/ for a person to look at, and each one is checked for
// the text that must be on it.
import path from 'node:path';
import { expect, openKiosk, ORIENTATIONS, test } from './fixtures.ts';

for (const [orientation, viewport] of ORIENTATIONS) {
  test.describe(`${orientation} ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the attract loop and the home screen, in Chinese and in English', async ({ page, kiosk }, info) => {
      const shot = (name: string) => page.screenshot({ path: path.join(info.project.outputDir, 'screenshots', `${orientation}-${name}.png`) });
      await openKiosk(page, kiosk);
      await expect(page.getByText('或扫描商品条码')).toBeVisible();
      await shot('attract-zh-CN');
      await page.getByTestId('attract').click();
      await expect(page.getByTestId('tile-play')).toContainText('玩游戏赢优惠');
      await shot('home-zh-CN');
      await page.getByTestId('tile-offers').click();
      await expect(page.getByTestId('offers')).toBeVisible();
      await shot('offers-zh-CN');
      await page.getByTestId('language-toggle').click();
      await expect(page.getByTestId('offers')).toContainText("Today's offers");
      await shot('offers-en');
      await page.getByTestId('home').click();
      await expect(page.getByTestId('tile-play')).toContainText('Play & win');
      await shot('home-en');
    });
  });
}

test('the mouse arrow shows while a mouse moves and hides after 3 s still; touch never shows it', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  const hidden = () => page.evaluate(() => getComputedStyle(document.body).cursor === 'none');
  expect(await hidden()).toBe(true);
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 340);
  expect(await hidden()).toBe(false);
  await expect.poll(hidden, { timeout: 6_000 }).toBe(true);
});
