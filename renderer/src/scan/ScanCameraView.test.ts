// What a shopper holding a product to the camera sees and hears: "hold still" after the
// first read, "got it" with the beep once two reads agree, and back to aiming when the
// code leaves the frame before it is confirmed. The camera itself is stood in for; its
// reads are what the real scanner reports (camera-scanner.ts).
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { createKioskI18n } from '../i18n/index.ts';
import type { CameraRead } from './camera/camera-scanner.ts';

const camera = vi.hoisted(() => ({ onRead: null as ((read: CameraRead) => void) | null, beeps: 0, closed: 0 }));

vi.mock('./camera/use-camera-scanner.ts', () => ({
  useCameraScanner: (_video: unknown, _aim: unknown, onRead: (read: CameraRead) => void) => {
    camera.onRead = onRead;
    return { state: ref('running'), problem: ref(null) };
  },
}));
vi.mock('./scan-feedback.ts', () => ({
  createScanBeeper: () => ({
    beep: () => void camera.beeps++,
    close: () => void camera.closed++,
  }),
}));

const { default: ScanCameraView } = await import('./ScanCameraView.vue');

const read = (verdict: CameraRead['verdict']): CameraRead => ({ verdict, code: { text: '6901234567892', format: 'EAN13', symbologyId: ']E0' }, at: 0 });

beforeEach(() => {
  vi.useFakeTimers();
  camera.beeps = 0;
  camera.closed = 0;
});
afterEach(() => vi.useRealTimers());

function mountView(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(ScanCameraView, { global: { plugins: [createKioskI18n(locale)] } });
}

describe('camera scanning guidance', () => {
  it('asks to aim, then to hold still after a first read, then says "got it" with a beep when the code is confirmed', async () => {
    const view = mountView();
    const hint = () => view.get('[data-testid="scan-camera-hint"]').text();
    expect(hint()).toBe('将条码放进框内');

    camera.onRead!(read('first'));
    await view.vm.$nextTick();
    expect(hint()).toBe('请保持不动…');
    expect(view.emitted('scan')).toBeUndefined();
    expect(camera.beeps).toBe(0);

    camera.onRead!(read('confirmed'));
    await view.vm.$nextTick();
    expect(hint()).toBe('识别成功');
    expect(view.get('[data-testid="scan-aim-box"]').classes()).toContain('success');
    expect(view.emitted('scan')).toHaveLength(1);
    expect(camera.beeps).toBe(1);

    // Ready for the next product.
    await vi.advanceTimersByTimeAsync(1500);
    expect(hint()).toBe('将条码放进框内');
    view.unmount();
    expect(camera.closed).toBe(1);
  });

  it('goes back to aiming, silently, when a first read is not confirmed', async () => {
    const view = mountView('en');
    camera.onRead!(read('first'));
    await view.vm.$nextTick();
    expect(view.get('[data-testid="scan-camera-hint"]').text()).toBe('Hold still…');
    await vi.advanceTimersByTimeAsync(1200);
    expect(view.get('[data-testid="scan-camera-hint"]').text()).toBe('Hold the barcode inside the frame');
    expect(camera.beeps).toBe(0);
    expect(view.emitted('scan')).toBeUndefined();
  });
});
