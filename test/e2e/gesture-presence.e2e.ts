// A hand in view counts as activity: a shopper standing at the window with a hand
// raised is not timed out, even without moving the cursor or clicking (pinch-only
// here, so the still hand never dwells).
import { PHOTOS, stillCamera } from '../support/gesture/scenes.ts';
import { expect, GESTURES_ON, openKiosk, test, waitForAppEvent } from './gesture-kiosk.ts';

test.use({
  scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: true },
  config: { ...GESTURES_ON, gestures: { enabled: true, click: 'pinch' }, idle: { timeoutSec: 10, warningSec: 5 } },
});

test('a raised hand keeps the session alive past the idle timeout', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
  await page.getByTestId('attract').click({ position: { x: 20, y: 1800 } });
  const started = await waitForAppEvent(page, 'session-started', { trigger: 'touch' });

  // Half again the idle timeout passes on the page's clock, the hand still in view.
  await page.waitForFunction((at) => performance.now() > at + 15_000, started.at, { timeout: 30_000, polling: 500 });
  const types = await page.evaluate((seq) => window.__kioskTest!.events.filter((e) => e.seq > seq).map((e) => e.type), started.seq);
  expect(types).not.toContain('idle-warning');
  expect(types).not.toContain('session-ended');
  await expect(page.getByTestId('tile-play')).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toHaveCount(0);
});
