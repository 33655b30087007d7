// The state of touchless control the rest of the kiosk may read: the camera (for the
// host's health: available / absent / denied), whether frames are flowing (the
// camera-active indicator), and the hand model. Changes are app events too.
import { defineStore } from 'pinia';
import { hasInjectionContext, inject, ref } from 'vue';
import { hostKey } from '../host/host-key.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import type { CameraState } from './camera-source.ts';
import type { HandModel } from './landmarker-delegate.ts';

export type EngineState = 'off' | 'loading' | 'ready' | 'failed';

export const useGestureStatus = defineStore('gesture-status', () => {
  // The app provides the host; a store made outside an app (a unit test) reports nowhere.
  const host = hasInjectionContext() ? inject(hostKey, null) : null;
  const camera = ref<CameraState>('unknown');
  /** The camera is open and its frames go to the hand model: the indicator shows. */
  const cameraActive = ref(false);
  const engine = ref<EngineState>('off');
  const delegate = ref<'GPU' | 'CPU' | null>(null);
  /** The hand model that runs: full or lite (goes with the delegate unless the settings force one). */
  const model = ref<HandModel | null>(null);
  /** What is wrong, for an installer (never shown to shoppers). */
  const problem = ref<string | null>(null);

  function setCamera(state: CameraState, detail: string | null = null): void {
    if (state !== 'available') problem.value = detail;
    if (camera.value === state) return;
    camera.value = state;
    emitAppEvent('camera-state', { state });
    // Health only: a host that cannot take the report must not stop touchless control.
    void host?.reportCameraState(state).catch(() => undefined);
  }

  function setCameraActive(active: boolean): void {
    cameraActive.value = active;
  }

  function setEngine(state: EngineState, detail: { delegate?: 'GPU' | 'CPU'; model?: HandModel; numHands?: number; problem?: string } = {}): void {
    engine.value = state;
    if (detail.delegate) delegate.value = detail.delegate;
    if (detail.model) model.value = detail.model;
    if (detail.problem) problem.value = detail.problem;
    emitAppEvent('gesture-engine', { state, ...detail });
  }

  return { camera, cameraActive, engine, delegate, model, problem, setCamera, setCameraActive, setEngine };
});
