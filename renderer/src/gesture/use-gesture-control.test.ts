// Touchless control wired to the kiosk: the real gesture layer, controller and stores,
// fed landmark sequences recorded with the real model (fixtures/) through a fake
// hand-landmarker worker and a fake camera. What each gesture should do is tested on the
// controller (gesture-controller.test.ts); here, that it reaches the kiosk: what a
// shopper would see (the screen, the hint, the cursor, a button pressed) and what the
// backend would receive (the tracked events).
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import { trackKioskLifecycle } from '../events/kiosk-lifecycle.ts';
import { trackerKey, type Tracker } from '../events/tracker.ts';
import { hostKey, settingsKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { asOpenPalm, frames, raisedThenSwiped, withPinch } from './fixtures/recordings.ts';
import type { HandFrame } from './landmarks.ts';
import { useGestureStatus } from './gesture-status.ts';
import TheGestureLayer from './TheGestureLayer.vue';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

const GESTURES: KioskSettings['gestures'] = { enabled: true, click: 'both', dwellMs: 1200, zone: { x: 0.15, y: 0.1, width: 0.7, height: 0.7 }, mirror: true, model: 'auto' };
const HINT_WAVE = '挥挥手，开始体验';
const HINT_BOTH = '举起手，捏合手指或停留片刻即可选择';

/** Stands in for hand-landmarker.worker.ts: the test speaks for the model. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  /** The recorded frames as the worker would post them: landmarks only, flat. */
  play(list: HandFrame[]): void {
    for (const f of list) {
      this.answer({
        type: 'hands',
        frameAt: performance.timeOrigin + f.t,
        doneAt: performance.timeOrigin + f.t + 40,
        aspect: f.aspect,
        inferenceMs: 40,
        hands: f.hands.map((h) => ({ score: h.score, landmarks: Float32Array.from(h.landmarks.flatMap((p) => [p.x, p.y, p.z])) })),
      });
    }
  }
}

/** A camera that opens at once, with a track the worker is handed as a stream. */
function fakeCamera() {
  const track = { label: 'fake camera', addEventListener: () => undefined, removeEventListener: () => undefined, stop: () => undefined };
  const stream = { getVideoTracks: () => [track], getTracks: () => [track] };
  return { getUserMedia: async () => stream, addEventListener: () => undefined, removeEventListener: () => undefined };
}

let wrapper: VueWrapper | null = null;

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('MediaStreamTrackProcessor', class {
    readable = {};
  });
  Object.defineProperty(navigator, 'mediaDevices', { value: fakeCamera(), configurable: true });
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  FakeWorker.last = null;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** The kiosk on its attract screen with touchless control on and the hand model ready. */
async function kioskWithGestures(settings: Partial<KioskSettings['gestures']> = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const tracked: { event: EventName; properties: EventCatalogue[EventName] }[] = [];
  const tracker: Tracker = { track: async (event, properties) => void tracked.push({ event, properties }) };
  const host = { setSessionState: async () => undefined, reportCameraState: async () => undefined } as unknown as KioskApi;
  let layerUpdates = 0;
  // The layer as App.vue mounts it, counting its re-renders.
  const app = defineComponent({ render: () => h(TheGestureLayer, { onVnodeUpdated: () => void layerUpdates++ }) });
  wrapper = mount(app, {
    global: {
      plugins: [pinia, createKioskI18n('zh-CN')],
      provide: { [hostKey as symbol]: host, [settingsKey as symbol]: { gestures: { ...GESTURES, ...settings } }, [trackerKey as symbol]: tracker },
    },
  });
  const session = useSessionStore();
  const screen = useScreenStore();
  // Session Started, Attract Woken, Screen Viewed: as the app wires them at boot.
  trackKioskLifecycle(tracker, { session, screen, pack: useShownPackStore() });
  await flushPromises();
  const worker = FakeWorker.last!;
  expect(worker.received.map((m) => m.type)).toEqual(['init', 'game', 'stream']);
  worker.answer({ type: 'ready', delegate: 'CPU', model: 'lite', numHands: 1, loadMs: 900, gpuFailure: null });
  await flushPromises();
  const hint = () => wrapper!.find('[data-testid="gesture-hint"]');
  const gestures = () => tracked.filter((t) => t.event === 'Gesture Used').map((t) => t.properties);
  const sessionEvents = () => tracked.filter((t) => t.event === 'Attract Woken' || t.event === 'Session Started');
  const cursor = () => wrapper!.find<HTMLElement>('[data-testid="gesture-cursor"]');
  return { worker, session, screen, tracked, hint, gestures, sessionEvents, cursor, layerUpdates: () => layerUpdates };
}

describe('gestures reach the kiosk', () => {
  it('an open hand waving at the attract screen starts a shopper session on the home screen', async () => {
    const kiosk = await kioskWithGestures();
    expect(kiosk.screen.current).toBe('attract');
    expect(kiosk.hint().text()).toBe(HINT_WAVE);

    kiosk.worker.play(asOpenPalm(frames('wave-victory')));
    await flushPromises();

    expect(kiosk.session.active).toBe(true);
    expect(kiosk.screen.current).toBe('home');
    expect(kiosk.hint().text()).toBe(HINT_BOTH);
    expect(kiosk.sessionEvents()).toEqual([
      { event: 'Attract Woken', properties: { trigger: 'gesture' } },
      { event: 'Session Started', properties: { trigger: 'gesture' } },
    ]);
    // The wave woke it — not a click or a dwell along the way.
    expect(kiosk.gestures()[0]).toEqual({ gesture: 'wave' });
    expect(kiosk.gestures().every((g) => 'gesture' in g && g.gesture === 'wave')).toBe(true);
  });

  it('a pinch clicks the button under the cursor, and the hint goes', async () => {
    const kiosk = await kioskWithGestures({ click: 'pinch' });
    kiosk.session.wake('touch');
    await flushPromises();
    expect(kiosk.hint().exists()).toBe(true);
    const button = document.body.appendChild(document.createElement('button'));
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    // happy-dom lays nothing out: the button is what is under the cursor, wherever it is.
    vi.spyOn(document, 'elementFromPoint').mockReturnValue(button);

    kiosk.worker.play(withPinch(frames('still-victory'), 1500));
    await flushPromises();

    expect(clicks).toBe(1);
    expect(kiosk.hint().exists()).toBe(false);
    expect(kiosk.gestures()).toEqual([{ gesture: 'pinch' }]);
  });

  it('a swipe right that no screen uses takes the shopper back a screen', async () => {
    const kiosk = await kioskWithGestures({ mirror: false });
    kiosk.session.wake('touch');
    kiosk.screen.go('games');

    kiosk.worker.play(raisedThenSwiped(4));
    await flushPromises();

    expect(kiosk.screen.current).toBe('home');
    expect(kiosk.gestures()).toEqual([{ gesture: 'swipe-right' }]);
  });
});

describe('the cursor', () => {
  it('follows a moving hand without re-rendering the overlay on every frame', async () => {
    const kiosk = await kioskWithGestures();
    const [first, ...rest] = [frames('wander-pointing').slice(0, 10), frames('wander-pointing').slice(10)];
    kiosk.worker.play(first!);
    await flushPromises();
    expect(kiosk.cursor().exists()).toBe(true);
    const updates = kiosk.layerUpdates();
    const places = new Set<string>();
    for (const frame of rest[0]!) {
      kiosk.worker.play([frame]);
      await flushPromises();
      places.add(kiosk.cursor().element.style.transform);
    }
    // The hand wandered over the screen: the cursor went to well over a hundred places…
    expect(places.size).toBeGreaterThan(100);
    expect([...places].every((p) => /^translate\(\d+px, \d+px\)$/.test(p))).toBe(true);
    // …and the overlay was not re-rendered for it (nothing was pressed or dwelt on).
    expect(kiosk.layerUpdates() - updates).toBe(0);
  });
});

describe('sharing the machine', () => {
  it('the worker analyses less while a game is on screen, and pauses when a hand scanner types', async () => {
    const kiosk = await kioskWithGestures();
    const told = () => kiosk.worker.received.filter((m) => m.type === 'game' || m.type === 'hold');
    expect(told()).toEqual([{ type: 'game', playing: false }]);
    kiosk.screen.go('games');
    await flushPromises();
    kiosk.screen.go('game');
    await flushPromises();
    expect(told().at(-1)).toEqual({ type: 'game', playing: true });
    kiosk.screen.go('games');
    await flushPromises();
    expect(told().at(-1)).toEqual({ type: 'game', playing: false });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '6' }));
    expect(told().at(-1)).toEqual({ type: 'hold', ms: 400 });
  });
});

describe('the hand model’s delegate and model', () => {
  it('the worker is offered both bundles and told the model setting', async () => {
    const kiosk = await kioskWithGestures();
    const init = kiosk.worker.received[0] as Extract<ToWorker, { type: 'init' }>;
    expect(init).toMatchObject({ delegate: 'auto', model: 'auto' });
    expect(init.modelUrls).toEqual({ full: new URL('generated/hand_landmarker.task', document.baseURI).href, lite: new URL('generated/hand_landmarker_lite.task', document.baseURI).href });
    wrapper!.unmount();
    wrapper = null;
    const forced = await kioskWithGestures({ model: 'full' });
    expect(forced.worker.received[0]).toMatchObject({ type: 'init', model: 'full' });
  });

  it('the model that runs is reported with the engine, and a GPU that failed too, for health and the admin screen', async () => {
    const kiosk = await kioskWithGestures();
    expect(useGestureStatus()).toMatchObject({ engine: 'ready', delegate: 'CPU', model: 'lite' });
    const events: { type: string; detail: Record<string, unknown> }[] = [];
    const listen = (e: Event) => events.push((e as CustomEvent<{ type: string; detail: Record<string, unknown> }>).detail);
    window.addEventListener('kiosk:app-event', listen);
    kiosk.worker.answer({ type: 'ready', delegate: 'CPU', model: 'lite', numHands: 1, loadMs: 900, gpuFailure: 'Unable to create WebGL2 context' });
    window.removeEventListener('kiosk:app-event', listen);
    expect(events.find((e) => e.type === 'gesture-engine')?.detail).toEqual({
      state: 'ready',
      delegate: 'CPU',
      model: 'lite',
      numHands: 1,
      problem: 'lite hand model on CPU (GPU failed: Unable to create WebGL2 context)',
    });
    expect(useGestureStatus().problem).toBe('lite hand model on CPU (GPU failed: Unable to create WebGL2 context)');
  });
});
