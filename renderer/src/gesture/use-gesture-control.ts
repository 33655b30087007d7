// Touchless control, wired together: camera → worker (hand landmarks) → the gesture
// controller (gesture-controller.ts, which decides what each gesture does) → the page's
// pointer stream, swipes, wake-up, activity and reports. Used once, by TheGestureLayer;
// everything it starts (camera, worker, timers, listeners) stops when that unmounts.
import wasmBinaryUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import wasmLoaderUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import { onBeforeUnmount, onMounted, shallowRef, watch } from 'vue';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { useTracker } from '../events/tracker.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { ACTIVITY_EVENT } from '../session/use-idle-timeout.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { CameraSource } from './camera-source.ts';
import { feedWorker, type FrameFeed } from './frame-feed.ts';
import { GestureController, NO_HAND, type GestureEffect, type GestureStep, type GestureView, type PagePoint, type PageState } from './gesture-controller.ts';
import { useGestureStatus } from './gesture-status.ts';
import { startJankMonitor } from './jank-monitor.ts';
import { describeEngine, type HandModel } from './landmarker-delegate.ts';
import { handsFromFlat } from './landmarks.ts';
import { PipelineStats } from './pipeline-stats.ts';
import { PointerDispatcher } from './pointer-dispatcher.ts';
import { dispatchSwipe } from './swipe-actions.ts';
import { epochNow, type FromWorker, type ToWorker } from './worker-protocol.ts';

/** The cursor element's transform for a point in CSS pixels (whole pixels: sub-pixel jitter writes nothing). */
export const cursorTransform = (at: PagePoint): string => `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`;

/** Elements a dwell may press. Canvases (games) are played by moving and pinching, not dwelling. */
const DWELL_TARGETS = 'button:not([disabled]), a[href], [role="button"], input, select, label, [data-gesture-target]';
const STATS_EVERY_MS = 2000;
/**
 * A key press holds the hand model this long: on a kiosk keys come from a hand scanner,
 * and the product page it asks for should not wait for the CPU behind an inference.
 */
const SCAN_HOLD_MS = 400;

/** Where the page serves each hand model bundle (build:hand-model makes both). */
export const HAND_MODEL_PATHS: Record<HandModel, string> = {
  full: 'generated/hand_landmarker.task',
  lite: 'generated/hand_landmarker_lite.task',
};

export function useGestureControl(settings: KioskSettings['gestures']) {
  const status = useGestureStatus();
  const session = useSessionStore();
  const screen = useScreenStore();
  const tracker = useTracker();
  const controller = new GestureController(settings);
  const stats = new PipelineStats();
  /** What the overlay draws, replaced only when it changes (the cursor's position is written by `placeCursor`). */
  const view = shallowRef<Readonly<GestureView>>(NO_HAND);
  /** The shopper used a gesture to press something this session (the hint can go). */
  const usedThisSession = shallowRef(false);

  let worker: Worker | null = null;
  let camera: CameraSource | null = null;
  let feed: FrameFeed | null = null;
  let stopJank: (() => void) | null = null;
  let statsTimer: ReturnType<typeof setInterval> | undefined;
  /** Where the cursor is, its element, and the transform last written to it. */
  let cursor: PagePoint | null = null;
  let cursorEl: HTMLElement | null = null;
  let cursorPlaced = '';

  // The dwell probe and then the pointer dispatcher hit-test the same point in one frame:
  // the dispatcher reuses the probe's answer once (nothing has been dispatched in between
  // that could have changed the page), and hit-tests afresh after that.
  let probed: { x: number; y: number; el: Element | null } | null = null;
  const dispatcher = new PointerDispatcher({
    hitTest(x, y) {
      const hit = probed;
      probed = null;
      return hit && hit.x === x && hit.y === y ? hit.el : document.elementFromPoint(x, y);
    },
    root: document.documentElement,
  });

  function page(): PageState {
    return {
      width: window.innerWidth,
      height: window.innerHeight,
      sessionActive: session.active,
      screen: screen.current,
      canDwellAt(x, y) {
        const el = document.elementFromPoint(x, y);
        probed = { x, y, el };
        return el?.closest(DWELL_TARGETS) != null;
      },
    };
  }

  function post(message: ToWorker, transfer: Transferable[] = []): void {
    worker?.postMessage(message, transfer);
  }

  function perform(effect: GestureEffect): void {
    switch (effect.type) {
      case 'pointer-move':
        return dispatcher.move(effect.x, effect.y);
      case 'pointer-down':
        return dispatcher.down(effect.x, effect.y);
      case 'pointer-up':
        return dispatcher.up(effect.x, effect.y, effect.cancelled);
      case 'click':
        return dispatcher.click(effect.x, effect.y);
      case 'pointer-leave':
        return dispatcher.leave();
      case 'wake':
        session.wake('gesture');
        return;
      case 'swipe':
        if (!dispatchSwipe(effect.direction) && effect.backIfUnused) screen.back();
        return;
      case 'selected':
        usedThisSession.value = true;
        return;
      case 'gesture-used':
        emitAppEvent('gesture', { gesture: effect.gesture });
        void tracker.track('Gesture Used', { gesture: effect.gesture }).catch(() => undefined);
        return;
      case 'hand-presence':
        emitAppEvent('hand-presence', effect.detail);
        return;
      case 'activity':
        window.dispatchEvent(new Event(ACTIVITY_EVENT));
        return;
    }
  }

  // Per frame: read (hit tests, pointer events) first, write (the cursor) last, so the
  // page is never made to lay out twice in one frame.
  function take(step: GestureStep): void {
    for (const effect of step.effects) perform(effect);
    cursor = step.cursor;
    placeCursor();
    view.value = step.view;
  }

  function placeCursor(): void {
    if (!cursorEl || !cursor) return;
    const transform = cursorTransform(cursor);
    if (transform === cursorPlaced) return;
    cursorEl.style.transform = transform;
    cursorPlaced = transform;
  }

  /**
   * For the overlay's cursor (a function ref): the element the position is written to.
   * Placed as soon as it mounts, before the browser first draws it.
   */
  function bindCursor(el: HTMLElement | null): void {
    if (el === cursorEl) return;
    cursorEl = el;
    cursorPlaced = '';
    placeCursor();
  }

  function onHands(message: Extract<FromWorker, { type: 'hands' }>): void {
    const started = performance.now();
    probed = null;
    const frame = { t: message.frameAt - performance.timeOrigin, aspect: message.aspect, hands: handsFromFlat(message.hands) };
    take(controller.frame(frame, page(), started));
    stats.analysed(message.hands.length, message.inferenceMs);
    // Measured after Vue has patched the overlay when it changed (its flush is queued before this).
    queueMicrotask(() => stats.timed(performance.now() - started, epochNow() - message.frameAt));
  }

  function onWorkerMessage(event: MessageEvent<FromWorker>): void {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        // A GPU that failed is the installer's business: health and the admin screen show "CPU (GPU failed: …)".
        status.setEngine('ready', {
          delegate: message.delegate,
          model: message.model,
          numHands: message.numHands,
          ...(message.gpuFailure ? { problem: describeEngine(message.model, message.delegate, message.gpuFailure) } : {}),
        });
        break;
      case 'hands':
        feed?.answered();
        onHands(message);
        break;
      case 'skipped':
        feed?.answered();
        break;
      case 'model':
        emitAppEvent('gesture-model', { model: message.model });
        break;
      case 'stream-ended':
        break;
      case 'error':
        feed?.answered();
        if (message.stage === 'init') status.setEngine('failed', { problem: message.message });
        else emitAppEvent('gesture-frame-error', { message: message.message });
        break;
    }
  }

  function onStream(stream: MediaStream | null): void {
    feed?.stop();
    feed = null;
    if (stream) {
      feed = feedWorker(stream, post);
      emitAppEvent('gesture-feed', { mode: feed.mode });
    } else {
      take(controller.cameraClosed(page()));
    }
    status.setCameraActive(stream !== null);
  }

  function emitStats(): void {
    const report = stats.report();
    if (report) emitAppEvent('gesture-stats', report);
  }

  function start(): void {
    status.setEngine('loading');
    worker = new Worker(new URL('./hand-landmarker.worker.ts', import.meta.url), { type: 'module', name: 'hand-landmarker' });
    worker.onmessage = onWorkerMessage;
    worker.onerror = (event) => status.setEngine('failed', { problem: `hand worker failed: ${event.message}` });
    post({
      type: 'init',
      wasmLoaderUrl: new URL(wasmLoaderUrl, document.baseURI).href,
      wasmBinaryUrl: new URL(wasmBinaryUrl, document.baseURI).href,
      modelUrls: { full: new URL(HAND_MODEL_PATHS.full, document.baseURI).href, lite: new URL(HAND_MODEL_PATHS.lite, document.baseURI).href },
      delegate: 'auto',
      model: settings.model,
      numHands: 'auto',
    });
    camera = new CameraSource({ onState: (state, detail) => status.setCamera(state, detail), onStream });
    camera.start();
    post({ type: 'game', playing: playingGame() });
    stopJank = startJankMonitor((share) => post({ type: 'jank', share }));
    window.addEventListener('keydown', holdForScan, { capture: true, passive: true });
    statsTimer = setInterval(emitStats, STATS_EVERY_MS);
  }

  function holdForScan(): void {
    post({ type: 'hold', ms: SCAN_HOLD_MS });
  }

  function stop(): void {
    window.removeEventListener('keydown', holdForScan, { capture: true });
    clearInterval(statsTimer);
    stopJank?.();
    camera?.stop();
    feed?.stop();
    feed = null;
    worker?.terminate();
    worker = null;
    dispatcher.leave();
    status.setCameraActive(false);
    status.setEngine('off');
  }

  // A game draws on the same cores as the hand model: the worker analyses less often meanwhile.
  const playingGame = () => screen.current === 'game';
  watch(playingGame, (playing) => post({ type: 'game', playing }));
  watch(
    () => session.anonymousId,
    () => (usedThisSession.value = false),
  );
  onMounted(start);
  onBeforeUnmount(stop);

  return { view, usedThisSession, bindCursor };
}
