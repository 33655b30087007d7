import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import type { CameraAvailability, KioskApi } from '../../../electron/common/kiosk-api.ts';
import { hostKey } from '../host/host-key.ts';
import { useGestureStatus } from './gesture-status.ts';

/** The store as the app makes it: inside an app that provides a host. */
function statusInApp(reportCameraState: KioskApi['reportCameraState']) {
  const app = createApp({});
  app.provide(hostKey, { reportCameraState } as KioskApi);
  const pinia = createPinia();
  app.use(pinia);
  return useGestureStatus(pinia);
}

describe('gesture status', () => {
  it('tells the host each time the camera state changes, so the admin health shows it', async () => {
    const reported: CameraAvailability[] = [];
    const status = statusInApp(async (state) => void reported.push(state));
    status.setCamera('denied', 'NotAllowedError');
    status.setCamera('denied', 'NotAllowedError');
    status.setCamera('available');
    expect(reported).toEqual(['denied', 'available']);
  });

  it('keeps working when the host refuses the report', async () => {
    const status = statusInApp(async () => {
      throw new Error('Refused: not the kiosk window');
    });
    status.setCamera('absent');
    await Promise.resolve();
    expect(status.camera).toBe('absent');
  });
});
