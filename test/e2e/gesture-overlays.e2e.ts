// What touchless control draws over the kiosk — the "camera on" indicator and the
// gesture hint — keeps clear of the kiosk's own controls and text, in portrait (controls
// along the bottom) and landscape (controls along the top), on the attract loop, home and
// a game's intro. Screenshots of the intro with the hint in landscape, in both
// languages, go with the portrait ones gesture-model.e2e.ts writes.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PHOTOS, stillCamera } from '../support/gesture/scenes.ts';
import { expect, GESTURES_ON, openKiosk, test, waitForAppEvent } from './gesture-kiosk.ts';

test.use({
  scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: true },
  // Pinch only: a still hand never dwells, so nothing is clicked while the screens are looked at.
  config: { ...GESTURES_ON, gestures: { enabled: true, click: 'pinch' } },
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The kiosk's controls, a game's how-to and the attract loop's words: nothing touchless control draws may cover them. */
const CONTROLS = 'button[data-testid=back], button[data-testid=home], [data-testid=language-toggle], [data-testid=game-start], [data-testid=game-howto], [data-testid=attract-caption], [data-testid=attract-cta]';

/**
 * What the overlays cover: the hint (shown until the shopper first uses a gesture) may
 * lie over content, never over a control; the camera indicator (shown all the time the
 * camera is on) over nothing a shopper taps or reads on a button.
 */
async function covered(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const [overlay, targets] of [
    [page.getByTestId('camera-indicator'), page.locator(`button:visible, ${CONTROLS}`)],
    [page.getByTestId('gesture-hint'), page.locator(CONTROLS)],
  ] as const) {
    if (!(await overlay.isVisible())) continue;
    const box = (await overlay.boundingBox())!;
    for (const target of await targets.all()) {
      const other = (await target.isVisible()) ? await target.boundingBox() : null;
      if (other && overlap(box, other) > 0) out.push(`${await overlay.getAttribute('data-testid')} over "${(await target.innerText()).trim().slice(0, 30)}"`);
    }
  }
  return out;
}

test('the camera indicator and the gesture hint keep off the controls, in portrait and in landscape', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
  await expect(page.getByTestId('camera-indicator')).toBeVisible();
  await expect(page.getByTestId('gesture-hint')).toBeVisible({ timeout: 30_000 });
  for (const size of [{ width: 1080, height: 1920 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    if (await page.locator('button[data-testid=home]').isVisible()) await page.locator('button[data-testid=home]').click();
    if (await page.getByTestId('attract').isVisible()) {
      expect(await covered(page), `attract ${size.width}x${size.height}`).toEqual([]);
      await page.getByTestId('attract').click();
    }
    await expect(page.getByTestId('tile-play')).toBeVisible();
    expect(await covered(page), `home ${size.width}x${size.height}`).toEqual([]);
    await page.getByTestId('tile-play').click();
    await page.locator('[data-testid^="game-"]').first().click();
    await expect(page.getByTestId('game-start')).toBeVisible();
    expect(await covered(page), `game intro ${size.width}x${size.height}`).toEqual([]);
  }
  // Landscape, the game's intro with the hint, in both languages.
  const shot = (name: string) => page.screenshot({ path: path.join(test.info().project.outputDir, 'screenshots', `landscape-gesture-game-intro-${name}.png`) });
  await expect(page.getByTestId('gesture-hint')).toBeVisible();
  await shot('zh-CN');
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('gesture-hint')).toContainText(/hand/i);
  expect(await covered(page), 'game intro in English').toEqual([]);
  await shot('en');
});
