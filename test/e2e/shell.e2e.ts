import { expect, lastEventSeq, openAdminPanel, openKiosk, ORIENTATIONS, test, waitForAppEvent } from './fixtures.ts';

test.describe('attract → home → back to attract', () => {
  test.use({ config: { idle: { timeoutSec: 10, warningSec: 5 } } });

  test('a touch wakes the kiosk, choices show in Chinese, and idling returns to the attract loop', async ({ page, kiosk }) => {
    const { errors } = await openKiosk(page, kiosk);
    await expect(page.getByTestId('attract')).toBeVisible();
    // The pack's invitation, and the kiosk's own line about scanning.
    await expect(page.getByText('轻触屏幕，开启新鲜发现')).toBeVisible();
    await expect(page.getByText('或扫描商品条码')).toBeVisible();

    await page.getByTestId('attract').click();
    await waitForAppEvent(page, 'session-started', { trigger: 'touch' });
    await expect(page.getByTestId('tile-scan')).toContainText('扫码查商品');
    await expect(page.getByTestId('tile-play')).toContainText('玩游戏赢优惠');
    await expect(page.getByTestId('tile-offers')).toContainText('今日优惠');

    await page.getByTestId('language-toggle').click();
    await expect(page.getByTestId('tile-scan')).toContainText('Scan a product');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Nobody touches: the countdown shows, then the session ends.
    const before = await lastEventSeq(page);
    await waitForAppEvent(page, 'idle-warning', {}, before);
    await expect(page.getByTestId('idle-countdown')).toContainText('Still there?');
    await waitForAppEvent(page, 'session-ended', { reason: 'idle' }, before);
    await expect(page.getByTestId('attract')).toBeVisible();

    // The next shopper starts fresh, in Chinese.
    await page.getByTestId('attract').click();
    await expect(page.getByTestId('tile-scan')).toContainText('扫码查商品');
    expect(errors).toEqual([]);
  });

  test('touching during the countdown keeps the session', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-offers').click();
    const before = await lastEventSeq(page);
    await waitForAppEvent(page, 'idle-warning', {}, before);
    await expect(page.getByTestId('idle-countdown')).toBeVisible();
    await page.mouse.click(540, 960);
    await expect(page.getByTestId('idle-countdown')).toBeHidden();
    await expect(page.getByTestId('offers')).toBeVisible();
    const events = await page.evaluate((after) => window.__kioskTest!.events.filter((e) => e.seq > after).map((e) => e.type), before);
    expect(events).not.toContain('session-ended');
  });
});

test('the admin corner asks for a PIN and says, in the kiosk language, that admin is not available in browser mode', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await openAdminPanel(page);
  for (const d of '2580') await page.getByTestId(`pin-${d}`).click();
  await page.getByTestId('pin-ok').click();
  await expect(page.getByTestId('pin-message')).toContainText('浏览器模式下不可用');
});

for (const [orientation, viewport] of ORIENTATIONS) {
  test.describe(`${orientation} ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('every button a shopper can touch is at least 64 px and nothing overflows the screen', async ({ page, kiosk }) => {
      await openKiosk(page, kiosk);
      await page.getByTestId('attract').click();
      for (const tile of ['tile-scan', 'tile-play', 'tile-offers', null]) {
        if (tile) await page.getByTestId(tile).click();
        const sizes = await page.locator('button:visible').evaluateAll((buttons) =>
          buttons.map((b) => {
            const r = b.getBoundingClientRect();
            return { text: (b.textContent ?? '').trim(), width: r.width, height: r.height };
          }),
        );
        expect(sizes.length).toBeGreaterThan(0);
        for (const s of sizes) {
          expect.soft(s.width, `width of "${s.text}"`).toBeGreaterThanOrEqual(64);
          expect.soft(s.height, `height of "${s.text}"`).toBeGreaterThanOrEqual(64);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(overflow).toBe(false);
        if (tile) await page.getByTestId('home').click();
      }
    });
  });
}
