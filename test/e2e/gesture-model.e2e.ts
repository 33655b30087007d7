// The real hand models (built by build:hand-model from @mediapipe/hands, served by the
// kiosk itself; the full one unless kiosk.json chooses the lite one) running in the kiosk's worker on Google's sample photos, held up to
// Chromium's fake camera: each hand is found with its 21 landmarks; an empty grey
// scene gives no hand at all, however many frames are analysed.
import path from 'node:path';
import { blankCamera, PHOTOS, stillCamera } from '../support/gesture/scenes.ts';
import { expect, GESTURES_ON, openKiosk, test, waitForAppEvent } from './gesture-kiosk.ts';

for (const [name, photo] of Object.entries(PHOTOS)) {
  test.describe(`the ${name} photo`, () => {
    test.use({ scene: { make: () => stillCamera(photo), autoAllow: true } });

    test(`finds one hand with 21 landmarks (${name})`, async ({ page, kiosk }) => {
      await openKiosk(page, kiosk);
      const ready = await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
      expect(['CPU', 'GPU']).toContain(ready.detail.delegate);
      // The full model unless kiosk.json chooses the lite one.
      expect(ready.detail.model).toBe('full');
      const found = await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
      expect(found.detail.hands).toBe(1);
      expect(found.detail.landmarks).toEqual([21]);
      await expect(page.getByTestId('gesture-cursor')).toBeVisible();
    });
  });
}

test.describe('a game on screen', () => {
  // Pinch only: with dwell on, the still hand would click where it rests once the dwell
  // time passes (on a slow run, before the hint is looked at), and a used gesture hides the hint.
  test.use({ scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: true }, config: { ...GESTURES_ON, gestures: { ...(GESTURES_ON.gestures as object), click: 'pinch' } } });

  test('runs the lite model on the CPU while the game is on screen, still following the hand, and the full one again after', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    const ready = await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
    test.skip(ready.detail.delegate !== 'CPU', 'on a GPU the same model runs in games');
    await waitForAppEvent(page, 'gesture-model', { model: 'full' }, 0, 30_000);
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-play').click();
    await page.locator('[data-testid^="game-"]').first().click();
    await expect(page.getByTestId('game-screen')).toBeVisible();
    const lite = await waitForAppEvent(page, 'gesture-model', { model: 'lite' }, 0, 30_000);
    // The lite model finds the hand too: frames with a hand keep being counted while the game is on screen.
    const handFrames = () => page.evaluate(() => window.__kioskTest!.events.filter((e) => e.type === 'gesture-stats').at(-1)?.detail.handFrames ?? 0);
    const atSwitch = await handFrames();
    await expect.poll(handFrames, { timeout: 30_000 }).toBeGreaterThan(atSwitch + 3);
    await expect(page.getByTestId('gesture-cursor')).toBeVisible();
    // The game's intro with the hand cursor and the gesture hint (a drawn hand, not an emoji the fonts lack), in both languages.
    const shot = (name: string) => page.screenshot({ path: path.join(test.info().project.outputDir, 'screenshots', `portrait-gesture-game-intro-${name}.png`) });
    await expect(page.getByTestId('gesture-hint')).toBeVisible();
    await shot('zh-CN');
    await page.getByTestId('language-toggle').click();
    await expect(page.getByTestId('gesture-hint')).toContainText(/hand/i);
    await shot('en');
    await page.getByTestId('back').click();
    await waitForAppEvent(page, 'gesture-model', { model: 'full' }, lite.seq, 30_000);
  });
});

test.describe('a browser without MediaStreamTrackProcessor', () => {
  test.use({ scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: true } });

  test('sends frames as ImageBitmaps instead, and still finds the hand', async ({ page, kiosk }) => {
    await page.addInitScript(() => {
      delete (window as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor;
    });
    await openKiosk(page, kiosk);
    await waitForAppEvent(page, 'gesture-feed', { mode: 'bitmap' });
    const found = await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
    expect(found.detail.landmarks).toEqual([21]);
  });
});

test.describe('an empty scene', () => {
  test.use({ scene: { make: () => blankCamera(), autoAllow: true } });

  test('finds no hand in 20 analysed frames, and shows no cursor', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
    await expect
      .poll(() => page.evaluate(() => window.__kioskTest!.events.filter((e) => e.type === 'gesture-stats').at(-1)?.detail.frames ?? 0), { timeout: 45_000 })
      .toBeGreaterThanOrEqual(20);
    const stats = await page.evaluate(() => window.__kioskTest!.events.filter((e) => e.type === 'gesture-stats').at(-1)!.detail);
    expect(stats.handFrames).toBe(0);
    const types = await page.evaluate(() => window.__kioskTest!.events.map((e) => e.type));
    expect(types).not.toContain('hand-presence');
    await expect(page.getByTestId('gesture-cursor')).toHaveCount(0);
  });
});
