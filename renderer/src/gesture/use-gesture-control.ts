// Touchless control, wired together: camera → worker (hand landmarks) → recogniser →
// the page's pointer stream, swipes, wake-up and activity. Used once, by
// TheGestureLayer; everything it starts (camera, worker, timers, listeners) stops when
// that unmounts.
import wasmBinaryUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.wasm?url';
import wasmLoaderUrl from '@mediapipe/tasks-vision/vision_wasm_module_internal.js?url';
import { onBeforeUnmount, onMounted, shallowRef, watch } from 'vue';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import type { EventCatalogue } from '../events/catalogue.ts';
import { useTracker } from '../events/tracker.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { ACTIVITY_EVENT } from '../session/use-idle-timeout.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { CameraSource } from './camera-source.ts';
import { feedWorker, type FrameFeed } from './frame-feed.ts';
import { GestureRecogniser, type GestureEvent, type GestureOutput, type ScreenPoint, type ScreenProbe } from './gesture-recogniser.ts';
import { useGestureStatus } from './gesture-status.ts';
import { startJankMonitor } from './jank-monitor.ts';
import { describeDelegate } from './landmarker-delegate.ts';
import { handsFromFlat, type HandFrame } from './landmarks.ts';
import { PointerDispatcher } from './pointer-dispatcher.ts';
import { RollingStats } from './rolling-stats.ts';
import { dispatchSwipe } from './swipe-actions.ts';
import { epochNow, type FromWorker, type ToWorker } from './worker-protocol.ts';

export type GestureName = EventCatalogue['Gesture Used']['gesture'];

/**
 * What the overlay draws, replaced only when it changes. The cursor's position is not
 * in it: a hand moves the cursor on nearly every analysed frame, so the position is
 * written straight to the cursor's element (see `bindCursor`) instead of re-rendering
 * the layer through Vue each time.
 */
export interface GestureView {
  /** A hand drives the cursor: the cursor is on screen. */
  present: boolean;
  pressed: boolean;
  /** Dwell ring, 0–1. */
  dwell: number;
}

/** The cursor element's transform for a point in CSS pixels (whole pixels: sub-pixel jitter writes nothing). */
export const cursorTransform = (at: { x: number; y: number }): string => `translate(${Math.round(at.x)}px, ${Math.round(at.y)}px)`;

/** Elements a dwell may press. Canvases (games) are played by moving and pinching, not dwelling. */
const DWELL_TARGETS = 'button:not([disabled]), a[href], [role="button"], input, select, label, [data-gesture-target]';
const ACTIVITY_EVERY_MS = 1000;
const STATS_EVERY_MS = 2000;

export const HAND_MODEL_PATH = 'generated/hand_landmarker.task';

export function useGestureControl(settings: KioskSettings['gestures']) {
  const status = useGestureStatus();
  const session = useSessionStore();
  const screen = useScreenStore();
  const tracker = useTracker();
  const view = shallowRef<GestureView>({ present: false, pressed: false, dwell: 0 });
  /** The shopper used a gesture to press something this session (the hint can go). */
  const usedThisSession = shallowRef(false);

  let worker: Worker | null = null;
  let camera: CameraSource | null = null;
  let feed: FrameFeed | null = null;
  let stopJank: (() => void) | null = null;
  let statsTimer: ReturnType<typeof setInterval> | undefined;
  let lastActivity = 0;
  const recogniser = new GestureRecogniser(settings);
  const stats = { frames: 0, handFrames: 0, inference: new RollingStats(), mainThread: new RollingStats(), latency: new RollingStats() };
  const px = (p: ScreenPoint) => ({ x: p.x * window.innerWidth, y: p.y * window.innerHeight });
  /** The cursor last sent to the page (screen fraction), and where its element was put. */
  let cursor: ScreenPoint | null = null;
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
  const probe: ScreenProbe = {
    get aspect() {
      return window.innerWidth / window.innerHeight;
    },
    canDwellAt(p) {
      const at = px(p);
      const el = document.elementFromPoint(at.x, at.y);
      probed = { ...at, el };
      return el?.closest(DWELL_TARGETS) != null;
    },
  };

  function post(message: ToWorker, transfer: Transferable[] = []): void {
    worker?.postMessage(message, transfer);
  }

  function track(gesture: GestureName): void {
    emitAppEvent('gesture', { gesture });
    void tracker.track('Gesture Used', { gesture }).catch(() => undefined);
  }

  function act(event: GestureEvent, frame: HandFrame | null): void {
    switch (event.type) {
      case 'presence':
        // How many hands, and landmarks per hand — never the landmarks themselves.
        emitAppEvent('hand-presence', { present: event.present, hands: frame?.hands.length ?? 0, landmarks: frame?.hands.map((h) => h.landmarks.length) ?? [] });
        if (event.present) lastActivity = 0;
        break;
      case 'press': {
        if (!session.active) session.wake('gesture');
        const at = px(event);
        dispatcher.down(at.x, at.y);
        break;
      }
      case 'release': {
        const at = px(event);
        dispatcher.up(at.x, at.y, event.cancelled);
        if (!event.cancelled) {
          usedThisSession.value = true;
          track('pinch');
        }
        break;
      }
      case 'dwell-click': {
        if (!session.active) session.wake('gesture');
        const at = px(event);
        dispatcher.click(at.x, at.y);
        usedThisSession.value = true;
        track('dwell');
        break;
      }
      case 'swipe': {
        const handled = dispatchSwipe(event.direction);
        // Screens that do not page treat a swipe to the right as "back".
        if (!handled && event.direction === 'right' && screen.current !== 'attract' && screen.current !== 'home') screen.back();
        track(event.direction === 'left' ? 'swipe-left' : 'swipe-right');
        break;
      }
      case 'wave':
        if (!session.active) session.wake('gesture');
        track('wave');
        break;
    }
  }

  // Per frame: read (hit tests, pointer events) first, write (the cursor) last, so the
  // page is never made to lay out twice in one frame.
  function apply(out: GestureOutput, t: number, frame: HandFrame | null): void {
    const before = cursor;
    cursor = out.cursor;
    if (out.cursor) {
      const at = px(out.cursor);
      const prev = before ? px(before) : null;
      if (!prev || Math.abs(prev.x - at.x) >= 1 || Math.abs(prev.y - at.y) >= 1) dispatcher.move(at.x, at.y);
    } else if (before) dispatcher.leave();
    for (const event of out.events) act(event, frame);
    const present = out.cursor !== null;
    if (present && t - lastActivity >= ACTIVITY_EVERY_MS) {
      lastActivity = t;
      window.dispatchEvent(new Event(ACTIVITY_EVENT));
    }
    placeCursor();
    const shown = view.value;
    if (shown.present !== present || shown.pressed !== out.pressed || shown.dwell !== out.dwell) view.value = { present, pressed: out.pressed, dwell: out.dwell };
  }

  function placeCursor(): void {
    if (!cursorEl || !cursor) return;
    const transform = cursorTransform(px(cursor));
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
    const frame: HandFrame = { t: message.frameAt - performance.timeOrigin, aspect: message.aspect, hands: handsFromFlat(message.hands) };
    apply(recogniser.update(frame, probe), started, frame);
    stats.frames++;
    if (message.hands.length > 0) stats.handFrames++;
    stats.inference.push(message.inferenceMs);
    // Measured after Vue has patched the overlay when it changed (its flush is queued before this).
    queueMicrotask(() => {
      stats.mainThread.push(performance.now() - started);
      stats.latency.push(epochNow() - message.frameAt);
    });
  }

  function onWorkerMessage(event: MessageEvent<FromWorker>): void {
    const message = event.data;
    switch (message.type) {
      case 'ready':
        // A GPU that failed is the installer's business: health and the admin screen show "CPU (GPU failed: …)".
        status.setEngine('ready', {
          delegate: message.delegate,
          numHands: message.numHands,
          ...(message.gpuFailure ? { problem: `hand model on ${describeDelegate(message.delegate, message.gpuFailure)}` } : {}),
        });
        break;
      case 'hands':
        feed?.answered();
        onHands(message);
        break;
      case 'skipped':
        feed?.answered();
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
      apply({ cursor: null, pressed: false, dwell: 0, events: recogniser.reset() }, performance.now(), null);
    }
    status.setCameraActive(stream !== null);
  }

  let reportedFrames = 0;
  function emitStats(): void {
    if (stats.frames === reportedFrames) return;
    reportedFrames = stats.frames;
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    emitAppEvent('gesture-stats', {
      frames: stats.frames,
      handFrames: stats.handFrames,
      inferenceMedianMs: round(stats.inference.percentile(50)),
      inferenceP90Ms: round(stats.inference.percentile(90)),
      mainThreadMedianMs: round(stats.mainThread.percentile(50)),
      mainThreadP90Ms: round(stats.mainThread.percentile(90)),
      latencyMedianMs: round(stats.latency.percentile(50)),
      latencyP90Ms: round(stats.latency.percentile(90)),
    });
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
      modelUrl: new URL(HAND_MODEL_PATH, document.baseURI).href,
      delegate: 'auto',
      numHands: 'auto',
    });
    camera = new CameraSource({ onState: (state, detail) => status.setCamera(state, detail), onStream });
    camera.start();
    stopJank = startJankMonitor((share) => post({ type: 'jank', share }));
    statsTimer = setInterval(emitStats, STATS_EVERY_MS);
  }

  function stop(): void {
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

  watch(
    () => session.anonymousId,
    () => (usedThisSession.value = false),
  );
  onMounted(start);
  onBeforeUnmount(stop);

  return { view, usedThisSession, bindCursor };
}
