// The camera scanner for a component: started when it mounts, stopped (camera light
// off, worker ended) when it unmounts, even if that happens while the camera is still
// opening.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';
import type { Rect } from './aim-box.ts';
import { CameraUnavailableError, startCameraScanner, type CameraRead, type CameraScanner } from './camera-scanner.ts';

export type CameraState = 'starting' | 'running' | 'unavailable' | 'stopped';

export function useCameraScanner(video: Ref<HTMLVideoElement | null>, aimBox: Ref<HTMLElement | null>, onRead: (read: CameraRead) => void) {
  const state = ref<CameraState>('starting');
  const problem = ref<string | null>(null);
  let scanner: CameraScanner | null = null;
  let unmounted = false;

  const box = (): Rect | null => {
    const r = aimBox.value?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
  };

  onMounted(async () => {
    if (!video.value) return;
    try {
      const started = await startCameraScanner({ video: video.value, aimBox: box, onRead });
      if (unmounted) return started.stop();
      scanner = started;
      state.value = 'running';
    } catch (err) {
      state.value = 'unavailable';
      problem.value = err instanceof CameraUnavailableError ? err.reason : 'failed';
    }
  });

  onBeforeUnmount(() => {
    unmounted = true;
    scanner?.stop();
    scanner = null;
    state.value = 'stopped';
  });

  return { state, problem };
}
