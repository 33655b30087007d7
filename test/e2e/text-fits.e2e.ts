// No text runs off the screen, in either orientation and either language, on every
// screen a shopper meets with the demo pack: attract, home, games, offers, scan, a
// product and its next screenful, an unknown product and each game's intro (the result
// screens are in coupon-limits.e2e.ts). No text is drawn over other text either. On the attract loop
// the caption and the call to action stay off the slide, so a slide's own logo and
// words are never drawn over (a slide made for the screen's shape fills the screen, and
// they sit on its plain bands: media-variants.e2e.ts). Screenshots of
// each go to test-results/screenshots/text-fits/ for a person to look at.
import type { Page } from '@playwright/test';
import { scannableProduct, unknownEan13 } from '../support/pack-products.ts';
import { demoPackDir, expect, lastEventSeq, openKiosk, ORIENTATIONS, test, waitForAppEvent } from './fixtures.ts';
import { wedgeScan } from './scan-kiosk.ts';
import { ALL_DAY_DEMO_PACK, screenshot, settle, textOffScreen, textOverlaps, writeAllDayDemoPack } from './shopper-screens.ts';

test.beforeAll(writeAllDayDemoPack);

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the slide's picture is drawn (object-fit: contain inside its box). */
async function slideBox(page: Page): Promise<Box> {
  return page.locator('.attract-media').last().evaluate((img) => {
    const r = img.getBoundingClientRect();
    const { naturalWidth: w, naturalHeight: h } = img as HTMLImageElement;
    const scale = Math.min(r.width / w, r.height / h);
    const width = w * scale;
    const height = h * scale;
    const left = r.left + (r.width - width) / 2;
    const top = r.top + (r.height - height) / 2;
    return { left, top, right: left + width, bottom: top + height };
  });
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const b = (await page.locator(selector).boundingBox())!;
  return { left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height };
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

for (const [orientation, viewport] of ORIENTATIONS) {
  for (const locale of ['zh-CN', 'en'] as const) {
    test.describe(`${orientation} ${viewport.width}x${viewport.height}, ${locale}`, () => {
      test.use({ viewport, timezoneId: 'Asia/Shanghai', packDir: ALL_DAY_DEMO_PACK, config: { defaultLocale: locale, scanner: { camera: false } } });

      test('no text leaves the screen on any screen a shopper meets', async ({ page, kiosk }) => {
        test.setTimeout(120_000);
        const product = await scannableProduct(demoPackDir);
        const unknown = await unknownEan13(demoPackDir);
        const shot = (name: string) => screenshot(page, 'text-fits', `${orientation}-${locale}-${name}`);
        const fits = async (name: string) => {
          await settle(page);
          expect(await textOffScreen(page), `${name}: text off the screen`).toEqual([]);
          expect(await textOverlaps(page), `${name}: text drawn over text`).toEqual([]);
          await shot(name);
        };

        await openKiosk(page, kiosk);
        await expect(page.locator('.attract-caption')).toBeVisible();
        await fits('attract');
        // A slide made for another shape is drawn whole and nothing is drawn over it.
        if ((await page.locator('.attract-full').count()) === 0) {
          const slide = await slideBox(page);
          expect(overlap(slide, await boxOf(page, '.attract-caption')), 'caption over the slide').toBe(0);
          expect(overlap(slide, await boxOf(page, '.attract-cta')), 'call to action over the slide').toBe(0);
        }

        await page.getByTestId('attract').click();
        await expect(page.getByTestId('tile-play')).toBeVisible();
        await fits('home');
        await page.getByTestId('tile-play').click();
        await expect(page.getByTestId('games')).toBeVisible();
        await fits('games');
        const games = await page.locator('[data-testid^="game-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')!.slice('game-'.length)).filter((id) => !id.startsWith('note-')));
        expect(games.length).toBe(3);
        for (const id of games) {
          const opened = await lastEventSeq(page);
          await page.getByTestId(`game-${id}`).click();
          await waitForAppEvent(page, 'game-ready', { id }, opened);
          await fits(`intro-${id}`);
          await page.getByTestId('back').click();
        }
        await page.getByTestId('home').click();
        await page.getByTestId('tile-offers').click();
        await expect(page.getByTestId('offers')).toBeVisible();
        await fits('offers');
        await page.getByTestId('home').click();
        await page.getByTestId('tile-scan').click();
        await expect(page.getByTestId('scan')).toBeVisible();
        await fits('scan');
        let before = await lastEventSeq(page);
        await wedgeScan(page, product.ean13);
        await waitForAppEvent(page, 'product-shown', { found: true }, before);
        await fits('product');
        // The demo product's page runs on below the fold in every orientation and language:
        // the cue says so, and a tap on it shows the next screenful.
        await expect(page.getByTestId('scroll-cue')).toBeVisible();
        const scrolled = () => page.getByTestId('product').evaluate((el) => el.scrollTop);
        await page.getByTestId('scroll-cue').click();
        await expect.poll(scrolled).toBeGreaterThan(0);
        // The cue scrolls smoothly: measure once the page has come to rest (mid-scroll, lines pass under the cue).
        await page.getByTestId('product').evaluate(
          (el) =>
            new Promise<void>((resolve) => {
              let last = -1;
              const look = () => {
                if (el.scrollTop > 0 && el.scrollTop === last) resolve();
                else {
                  last = el.scrollTop;
                  setTimeout(look, 150);
                }
              };
              look();
            }),
        );
        await fits('product-more');
        before = await lastEventSeq(page);
        await wedgeScan(page, unknown);
        await waitForAppEvent(page, 'product-shown', { found: false }, before);
        await fits('product-unknown');
      });
    });
  }
}
