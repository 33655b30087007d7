// The demo pack's pictures come in variants (content/schema/media-variants.ts): the
// English offers show English banners with no Chinese on them, and a portrait screen's
// attract loop shows 9:16 slides that fill the screen, with no blurred filler beside
// them. Turning the screen or changing the language swaps the picture on the spot.
// Screenshots go to test-results/screenshots/media-variants/.
import type { Page } from '@playwright/test';
import { PORTRAIT_PLAIN_BANDS } from '../../content/demo/artwork/scene-art.ts';
import { expect, lastEventSeq, openKiosk, ORIENTATIONS, test, waitForAppEvent } from './fixtures.ts';
import { ALL_DAY_DEMO_PACK, screenshot, settle, writeAllDayDemoPack } from './shopper-screens.ts';

const fileOf = (url: string | null) => (url ?? '').slice((url ?? '').lastIndexOf('/') + 1);
/** The slide on screen (not the one fading out after a change). */
const shownSlide = (page: Page) => page.locator('[data-testid=attract-slide]:not(.fade-leave-active)');
const slideFile = async (page: Page) => fileOf(await shownSlide(page).getAttribute('src'));
const bannerFiles = (page: Page) => page.getByTestId('offer-image').evaluateAll((imgs) => imgs.map((img) => (img.getAttribute('src') ?? '').split('/').pop()!));

for (const [orientation, viewport] of ORIENTATIONS) {
  for (const locale of ['zh-CN', 'en'] as const) {
    test.describe(`${orientation} ${viewport.width}x${viewport.height}, ${locale}`, () => {
      test.use({ viewport, config: { defaultLocale: locale, scanner: { camera: false } } });

      test('the attract slides and offer banners are the ones made for this screen and language', async ({ page, kiosk }) => {
        const shot = (name: string) => screenshot(page, 'media-variants', `${orientation}-${locale}-${name}`);
        await openKiosk(page, kiosk);
        await expect(shownSlide(page)).toBeVisible();
        await settle(page);
        const slide = await slideFile(page);
        if (orientation === 'portrait') {
          expect(slide).toMatch(/-9x16\.webp$/);
          // The slide covers the whole screen; nothing blurred beside it.
          const box = (await shownSlide(page).boundingBox())!;
          expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
          expect(await shownSlide(page).evaluate((img) => (img as HTMLImageElement).naturalWidth / (img as HTMLImageElement).naturalHeight)).toBeCloseTo(9 / 16, 2);
          await expect(page.locator('.attract-fill')).toHaveCount(0);
          // Caption and invitation sit on the slide's plain bands, off its words and products.
          const caption = (await page.getByTestId('attract-caption').boundingBox())!;
          const cta = (await page.getByTestId('attract-cta').boundingBox())!;
          expect(caption.y + caption.height).toBeLessThanOrEqual(PORTRAIT_PLAIN_BANDS.top * viewport.height);
          expect(cta.y).toBeGreaterThanOrEqual(PORTRAIT_PLAIN_BANDS.bottom * viewport.height);
        } else {
          expect(slide).toMatch(/^[a-z-]+\.webp$/);
          expect(slide).not.toMatch(/-9x16/);
        }
        await shot('attract');

        await page.getByTestId('attract').click();
        await page.getByTestId('tile-offers').click();
        await expect(page.getByTestId('offer-image').first()).toBeVisible();
        await settle(page);
        const banners = await bannerFiles(page);
        expect(banners.length).toBeGreaterThan(0);
        for (const file of banners) {
          if (locale === 'en') expect(file).toMatch(/-en\.webp$/);
          else expect(file).not.toMatch(/-en\.webp$/);
        }
        await shot('offers');
      });
    });
  }
}

test.describe('the attract video and the game backdrops', () => {
  test.beforeAll(writeAllDayDemoPack);
  for (const [orientation, viewport] of ORIENTATIONS) {
    test.describe(`${orientation} ${viewport.width}x${viewport.height}`, () => {
      test.use({ viewport, packDir: ALL_DAY_DEMO_PACK, config: { scanner: { camera: false } } });

      test('are the cut made for this screen: a portrait screen plays a 9:16 video that fills it and draws its games on 9:16 backdrops', async ({ page, kiosk }) => {
        // The video follows four slides (25 s): the page's clock skips through them.
        await page.clock.install();
        await openKiosk(page, kiosk);
        const video = page.getByTestId('attract-video');
        for (let i = 0; i < 8 && !(await video.isVisible()); i++) await page.clock.fastForward(7_100);
        await expect(video).toBeVisible();
        await page.clock.resume();
        await expect.poll(() => video.evaluate((v) => (v as HTMLVideoElement).readyState)).toBeGreaterThanOrEqual(2);
        const file = fileOf(await video.getAttribute('src'));
        const shape = await video.evaluate((v) => (v as HTMLVideoElement).videoWidth / (v as HTMLVideoElement).videoHeight);
        if (orientation === 'portrait') {
          expect(file).toBe('attract-9x16.mp4');
          expect(shape).toBeCloseTo(9 / 16, 2);
          expect(await video.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
        } else {
          expect(file).toBe('attract.mp4');
          expect(shape).toBeCloseTo(16 / 9, 2);
        }
        await settle(page);
        await screenshot(page, 'media-variants', `${orientation}-attract-video`);

        await page.getByTestId('attract').click();
        await page.getByTestId('tile-play').click();
        const id = 'catch-fruit';
        const opened = await lastEventSeq(page);
        await page.getByTestId(`game-${id}`).click();
        await waitForAppEvent(page, 'game-ready', { id }, opened);
        const backdrop = await page.locator('[data-testid=game-stage] canvas').evaluate((c) => getComputedStyle(c).backgroundImage);
        expect(backdrop).toContain(orientation === 'portrait' ? 'background-9x16.webp' : 'background.webp');
        if (orientation === 'landscape') expect(backdrop).not.toContain('9x16');
        await settle(page);
        await screenshot(page, 'media-variants', `${orientation}-game-backdrop`);
      });
    });
  }
});

test('turning the screen and changing the language swap the pictures at once', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page, kiosk);
  await expect(shownSlide(page)).toBeVisible();
  expect(await slideFile(page)).not.toMatch(/-9x16/);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await expect.poll(() => slideFile(page)).toMatch(/-9x16\.webp$/);
  await expect(page.locator('.attract-fill')).toHaveCount(0);

  await page.getByTestId('attract').click();
  await page.getByTestId('tile-offers').click();
  await expect(page.getByTestId('offer-image').first()).toBeVisible();
  await expect.poll(() => bannerFiles(page)).toEqual(expect.arrayContaining([expect.not.stringMatching(/-en\.webp$/)]));
  await page.getByTestId('language-toggle').click();
  await expect.poll(async () => (await bannerFiles(page)).every((f) => f.endsWith('-en.webp'))).toBe(true);
});
