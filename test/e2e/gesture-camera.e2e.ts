// Touch keeps working whatever the camera does: with no camera at all, and with the
// camera refused. The health flag says which, and when permission is granted the
// gestures resume by themselves.
import { stillCamera, PHOTOS } from '../support/gesture/scenes.ts';
import { expect, openKiosk, test, waitForAppEvent } from './gesture-kiosk.ts';

test.describe('a kiosk with no camera', () => {
  test.use({ scene: { make: async () => null, autoAllow: true } });

  test('reports the camera absent, shows no camera indicator or hint, and touch still works', async ({ page, kiosk }) => {
    const { errors } = await openKiosk(page, kiosk);
    const state = await waitForAppEvent(page, 'camera-state');
    expect(state.detail.state).toBe('absent');
    await expect(page.getByTestId('camera-indicator')).toHaveCount(0);
    await expect(page.getByTestId('gesture-hint')).toHaveCount(0);

    await page.getByTestId('attract').click();
    await waitForAppEvent(page, 'session-started', { trigger: 'touch' });
    await expect(page.getByTestId('tile-scan')).toBeVisible();
    expect(errors.filter((e) => !/tensorflow|xnnpack/i.test(e))).toEqual([]);
  });
});

test.describe('a kiosk whose camera is refused', () => {
  test.use({ scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: false } });

  test('says "denied", keeps touch working, and finds the hand once the camera is allowed', async ({ page, kiosk, cameraContext }) => {
    await openKiosk(page, kiosk);
    await waitForAppEvent(page, 'camera-state', { state: 'denied' });
    await expect(page.getByTestId('camera-indicator')).toHaveCount(0);

    await page.getByTestId('attract').click();
    await waitForAppEvent(page, 'session-started', { trigger: 'touch' });

    await cameraContext.grantPermissions(['camera']);
    await waitForAppEvent(page, 'camera-state', { state: 'available' }, 0, 30_000);
    await expect(page.getByTestId('camera-indicator')).toBeVisible();
    await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
    await expect(page.getByTestId('gesture-cursor')).toBeVisible();
  });
});
