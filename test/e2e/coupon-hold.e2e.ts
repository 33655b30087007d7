// A coupon stays readable until the shopper is done with it. Saving a QR code to a
// phone takes a while without touching the kiosk — unlock, open an app, scan — and the
// usual "still there?" countdown used to cover the code 35 s after the win and end the
// session at 45 s, the coupon gone for good. The rule (README, "For merchandisers"):
// while a coupon shows, the session waits the coupon timeout (idle.couponTimeoutSec,
// 180 s unless set) instead of the usual one; its countdown is a bar across the top
// that leaves the code readable; Done (or leaving the coupon) brings the usual timeout
// back, counted from that touch. Short settings here: coupon 30 s (the least the settings
// allow), usual 20 s (a game's result counts as activity: the wheel's spin, 4.5 s at full
// frame rate and over 15 s on a busy machine, does not eat into it).
// The Done test never waits for the coupon timeout, so there it is long (60 s), to tell
// the two apart by a wide margin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { fastForwardUntilAppEvent } from '../support/app-events.ts';
import { expect, lastEventSeq, openKiosk, ORIENTATIONS, rendererDir, repo, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES } from './games-fixture.ts';
import { playWheel, screenshot, writeGamesFixture } from './shopper-screens.ts';

prepareZXingModule({ overrides: { wasmBinary: readFileSync(path.join(repo, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm')).buffer as ArrayBuffer } });

const IDLE = { timeoutSec: 20, warningSec: 5, couponTimeoutSec: 30 };
const DONE_IDLE = { ...IDLE, couponTimeoutSec: 60 };

/** The QR code as a phone reads it off the screen. */
async function qrText(qr: Locator): Promise<string | null> {
  const [found] = await readBarcodes(new Uint8Array(await qr.screenshot()), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  return found?.isValid ? found.text : null;
}

async function kioskWithCoupon(page: Page, locale: 'zh-CN' | 'en', idle = IDLE) {
  const kiosk = await startKioskWebServer({ rendererDir, packDir: await writeGamesFixture(), config: { defaultLocale: locale, idle } });
  // The page's clock runs as usual until a test moves it on past a timeout.
  await page.clock.install();
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-play').click();
  const result = await playWheel(page, FIXTURE_GAMES.wheel);
  expect(result.detail.outcome).toBe('coupon');
  return { kiosk, result };
}

for (const [orientation, viewport] of ORIENTATIONS) {
  for (const locale of ['zh-CN', 'en'] as const) {
    test.describe(`${orientation}, ${locale}`, () => {
      test.use({ viewport });

      test('the coupon outlasts the usual timeout; its countdown leaves the code readable; the session ends at the coupon timeout', async ({ page }) => {
        test.setTimeout(100_000);
        const { kiosk, result } = await kioskWithCoupon(page, locale);
        try {
          const code = await qrText(page.getByTestId('coupon-qr'));
          expect(code).not.toBeNull();

          // No countdown at the usual time (15 s), none until 25 s after the coupon appeared.
          const warning = await fastForwardUntilAppEvent(page, 'idle-warning', {}, result.seq, 40_000);
          expect(warning.at - result.at, 'ms from the coupon to its countdown').toBeGreaterThanOrEqual((IDLE.couponTimeoutSec - IDLE.warningSec - 1) * 1000);
          expect(await page.evaluate((after) => window.__kioskTest!.events.some((e) => e.seq > after && e.type === 'session-ended'), result.seq)).toBe(false);

          // The countdown is a bar above the coupon: the code is whole and still reads.
          const bar = page.getByTestId('idle-countdown');
          await expect(bar).toHaveAttribute('data-compact', 'true');
          const barBox = (await bar.boundingBox())!;
          const qrBox = (await page.getByTestId('coupon-qr').boundingBox())!;
          expect(barBox.y + barBox.height).toBeLessThanOrEqual(qrBox.y);
          expect(await qrText(page.getByTestId('coupon-qr'))).toBe(code);
          await expect(bar).toContainText(locale === 'en' ? 'save your coupon first' : '请先存好优惠券');
          await screenshot(page, 'coupon-hold', `${orientation}-${locale}-countdown-over-coupon`);

          const ended = await fastForwardUntilAppEvent(page, 'session-ended', { reason: 'idle' }, warning.seq, 15_000);
          expect(ended.at - result.at, 'ms from the coupon to the end of the session').toBeGreaterThanOrEqual((IDLE.couponTimeoutSec - 1) * 1000);
          await expect(page.getByTestId('attract')).toBeVisible();
        } finally {
          await kiosk.close();
        }
      });
    });
  }
}

test('Done ends the coupon: the usual timeout counts again from that touch', async ({ page }) => {
  test.setTimeout(90_000);
  const { kiosk } = await kioskWithCoupon(page, 'zh-CN', DONE_IDLE);
  try {
    const before = await lastEventSeq(page);
    await page.getByTestId('game-done').click();
    const done = await waitForAppEvent(page, 'screen', { screen: 'games' }, before);
    const ended = await fastForwardUntilAppEvent(page, 'session-ended', { reason: 'idle' }, done.seq, 35_000);
    const afterDone = ended.at - done.at;
    expect(afterDone).toBeGreaterThanOrEqual((DONE_IDLE.timeoutSec - 1) * 1000);
    expect(afterDone).toBeLessThan((DONE_IDLE.couponTimeoutSec - 5) * 1000);
  } finally {
    await kiosk.close();
  }
});
