// Touchless control end to end, in Chromium with the fake camera playing the shared
// swipe clip (grey, a victory hand held up for two seconds, then sliding across four
// times faster than recorded, grey):
// the camera indicator and the hint show, the hand is found, the cursor appears, and
// the swipe turns the attract playlist to the next slide — without any click.
import { SLIDES } from '../support/gesture/gesture-fixture-pack.ts';
import { swipeCamera } from '../support/gesture/scenes.ts';
import { expect, openKiosk, storedEvents, test, waitForAppEvent } from './gesture-kiosk.ts';

test.use({ scene: { make: () => swipeCamera(4, 2), autoAllow: true }, fixturePack: true });

test('a hand swiping in front of the window turns the attract playlist, and clicks nothing', async ({ page, kiosk, collector }) => {
  await openKiosk(page, kiosk);
  const caption = page.locator('.attract-caption');
  await expect(caption).toHaveText(SLIDES[0].caption['zh-CN']);

  await waitForAppEvent(page, 'camera-state', { state: 'available' });
  await expect(page.getByTestId('camera-indicator')).toHaveText('摄像头已开启');
  await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
  await expect(page.getByTestId('gesture-hint')).toHaveText('挥挥手，开始体验');

  // The raised hand is found and drives a cursor.
  await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
  await expect(page.getByTestId('gesture-cursor')).toBeVisible();

  // Its sweep (image left → right, mirrored: the shopper's left) pages forward.
  await waitForAppEvent(page, 'gesture', { gesture: 'swipe-left' }, 0, 30_000);
  await expect(caption).toHaveText(SLIDES[1].caption['zh-CN']);

  // No click, no wake-up: a swipe is not a touch.
  await expect(page.getByTestId('attract')).toBeVisible();
  const types = await page.evaluate(() => window.__kioskTest!.events.map((e) => e.type));
  expect(types).not.toContain('session-started');
  // The hand goes, the cursor goes.
  await waitForAppEvent(page, 'hand-presence', { present: false }, 0, 15_000);
  await expect(page.getByTestId('gesture-cursor')).toHaveCount(0);
  // The backend learns that a swipe was used — its kind, nothing more.
  await expect.poll(() => storedEvents(collector, 'Gesture Used')[0], { timeout: 20_000 }).toEqual({ gesture: 'swipe-left' });
});
