// What each gesture does, decided by the controller on landmark sequences recorded with
// the real model (fixtures/): the pointer events the page would get, the wake-ups, the
// swipes, what is reported, the activity and what the overlay shows. The kiosk around
// it is a few fields: a wake-up starts a session on the home screen, as the real one does.
import { describe, expect, it } from 'vitest';
import type { ScreenName } from '../navigation/screen-store.ts';
import { asOpenPalm, frames, raisedThenSwiped, withPinch } from './fixtures/recordings.ts';
import { ACTIVITY_EVERY_MS, GestureController, NO_HAND, type GestureEffect, type GestureStep, type PagePoint, type PageState } from './gesture-controller.ts';
import type { GestureSettings } from './gesture-recogniser.ts';
import type { HandFrame } from './landmarks.ts';

const SETTINGS: GestureSettings = { click: 'both', dwellMs: 1200, zone: { x: 0.15, y: 0.1, width: 0.7, height: 0.7 }, mirror: true };
/** A portrait kiosk, CSS pixels. */
const SCREEN = { width: 1080, height: 1920 };
/** How long after it was taken a frame's landmarks reach the page. */
const LATENCY_MS = 40;

interface Kiosk {
  sessionActive: boolean;
  screen: ScreenName;
  /** Whether something a dwell may press is at a point (CSS pixels). */
  pressable: (x: number, y: number) => boolean;
}

type Timed<T> = T & { t: number };

interface Run {
  kiosk: Kiosk;
  steps: Timed<GestureStep>[];
  effects: Timed<GestureEffect>[];
  /** Where the page was asked whether a dwell may press, per frame time. */
  probes: Timed<PagePoint>[];
  controller: GestureController;
}

function play(list: HandFrame[], { settings = {}, kiosk = {} }: { settings?: Partial<GestureSettings>; kiosk?: Partial<Kiosk> } = {}): Run {
  const controller = new GestureController({ ...SETTINGS, ...settings });
  const state: Kiosk = { sessionActive: false, screen: 'attract', pressable: () => true, ...kiosk };
  const run: Run = { kiosk: state, steps: [], effects: [], probes: [], controller };
  for (const frame of list) {
    const page: PageState = {
      ...SCREEN,
      sessionActive: state.sessionActive,
      screen: state.screen,
      canDwellAt: (x, y) => {
        run.probes.push({ x, y, t: frame.t });
        return state.pressable(x, y);
      },
    };
    const step = controller.frame(frame, page, frame.t + LATENCY_MS);
    if (step.effects.some((e) => e.type === 'wake')) Object.assign(state, { sessionActive: true, screen: 'home' });
    run.steps.push({ ...step, t: frame.t });
    run.effects.push(...step.effects.map((e) => ({ ...e, t: frame.t })));
  }
  return run;
}

const ofType = <T extends GestureEffect['type']>(run: Run, type: T) =>
  run.effects.filter((e): e is Timed<Extract<GestureEffect, { type: T }>> => e.type === type);
const reported = (run: Run) => ofType(run, 'gesture-used').map((e) => e.gesture);
/** The effects of these types, in order. */
const sequence = (run: Run, ...types: GestureEffect['type'][]) => run.effects.filter((e) => types.includes(e.type)).map((e) => e.type);
const apart = (a: PagePoint, b: PagePoint) => Math.hypot(a.x - b.x, a.y - b.y);
/** The cursor (CSS pixels) on the last frame before `t`. */
const cursorBefore = (run: Run, t: number) => run.steps.filter((s) => s.t < t && s.cursor).at(-1)!.cursor!;
const DURING_SESSION: Pick<Kiosk, 'sessionActive' | 'screen'> = { sessionActive: true, screen: 'home' };

describe('a pinch', () => {
  it('presses where the cursor was, releases there, and is reported once as a pinch', () => {
    const still = frames('still-victory');
    const run = play(withPinch(still, 1500), { settings: { click: 'pinch' }, kiosk: DURING_SESSION });
    const [down] = ofType(run, 'pointer-down');
    const [up] = ofType(run, 'pointer-up');
    const before = cursorBefore(run, still[0]!.t + 1500);
    // Within 1% of the screen's width of where the cursor rested before the fingers closed.
    expect(apart(down!, before)).toBeLessThan(11);
    expect(up!.cancelled).toBe(false);
    expect(apart(up!, down!)).toBeLessThan(11);
    expect(sequence(run, 'pointer-down', 'pointer-up', 'click', 'selected', 'wake')).toEqual(['pointer-down', 'pointer-up', 'selected']);
    expect(reported(run)).toEqual(['pinch']);
  });

  it('at the idle attract screen wakes the kiosk first, then presses', () => {
    const run = play(withPinch(frames('still-victory'), 1500), { settings: { click: 'pinch' } });
    expect(sequence(run, 'wake', 'pointer-down', 'pointer-up')).toEqual(['wake', 'pointer-down', 'pointer-up']);
    expect(run.kiosk.sessionActive).toBe(true);
    expect(reported(run)).toEqual(['pinch']);
  });

  it('shows the cursor pressed while the fingers are closed, and not after', () => {
    const still = frames('still-victory');
    const run = play(withPinch(still, 1500), { kiosk: DURING_SESSION });
    const [down] = ofType(run, 'pointer-down');
    const [up] = ofType(run, 'pointer-up');
    const pressed = run.steps.filter((s) => s.view.pressed).map((s) => s.t);
    expect(pressed[0]).toBe(down!.t);
    expect(pressed.at(-1)!).toBeLessThan(up!.t);
    expect(run.steps.at(-1)!.view.pressed).toBe(false);
  });

  it('cut short by the camera closing is cancelled: the pointer leaves, nothing is clicked or reported', () => {
    const still = frames('still-victory');
    const held = withPinch(still, 1500, { holdMs: 5000 }).filter((f) => f.t < still[0]!.t + 2200);
    const run = play(held, { kiosk: DURING_SESSION });
    expect(run.steps.at(-1)!.view.pressed).toBe(true);

    const closed = run.controller.cameraClosed({ ...SCREEN, ...DURING_SESSION, canDwellAt: () => true });
    // Leaving the page cancels the press (pointercancel): no click follows.
    expect(closed.effects[0]).toEqual({ type: 'pointer-leave' });
    expect(closed.effects.filter((e) => (e.type === 'pointer-up' && !e.cancelled) || e.type === 'gesture-used' || e.type === 'selected')).toEqual([]);
    expect(closed.effects).toContainEqual({ type: 'hand-presence', detail: { present: false, hands: 0, landmarks: [] } });
    expect(closed.cursor).toBeNull();
    expect(closed.view).toEqual(NO_HAND);
    expect(reported(run)).toEqual([]);
  });
});

describe('a still hand (dwell)', () => {
  it('over a button presses it once, where it rests, after the ring fills — and wakes an idle kiosk', () => {
    const run = play(frames('still-victory'), { settings: { click: 'dwell' } });
    const clicks = ofType(run, 'click');
    expect(clicks).toHaveLength(1);
    expect(apart(clicks[0]!, cursorBefore(run, clicks[0]!.t + 1))).toBeLessThan(11);
    expect(sequence(run, 'wake', 'click', 'selected')).toEqual(['wake', 'click', 'selected']);
    expect(reported(run)).toEqual(['dwell']);
    const ring = run.steps.filter((s) => s.t < clicks[0]!.t).map((s) => s.view.dwell);
    expect(Math.max(...ring)).toBeGreaterThan(0.9);
  });

  it('asks the page about the very pixel under the cursor, and presses nothing where nothing can be pressed', () => {
    const run = play(frames('still-victory'), { settings: { click: 'dwell' }, kiosk: { pressable: () => false } });
    expect(run.probes.length).toBeGreaterThan(30);
    for (const probe of run.probes) expect(run.steps.find((s) => s.t === probe.t)!.cursor).toEqual({ x: probe.x, y: probe.y });
    expect(ofType(run, 'click')).toEqual([]);
    expect(Math.max(...run.steps.map((s) => s.view.dwell))).toBe(0);
    expect(sequence(run, 'wake', 'selected', 'gesture-used')).toEqual([]);
  });
});

describe('a wave', () => {
  it('with an open hand at an idle kiosk wakes it, and is reported as a wave', () => {
    const run = play(asOpenPalm(frames('wave-victory')));
    expect(sequence(run, 'wake', 'gesture-used')[0]).toBe('wake');
    expect(ofType(run, 'wake')).toHaveLength(1);
    expect(reported(run).length).toBeGreaterThanOrEqual(1);
    expect(reported(run).every((g) => g === 'wave')).toBe(true);
    // The wave woke it — not a click or a dwell along the way.
    expect(sequence(run, 'pointer-down', 'click')).toEqual([]);
  });

  it('during a session is reported, and wakes nothing', () => {
    const run = play(asOpenPalm(frames('wave-victory')), { kiosk: { sessionActive: true, screen: 'games' } });
    expect(reported(run)).toContain('wave');
    expect(ofType(run, 'wake')).toEqual([]);
  });

  it('with a victory sign (not an open palm) leaves the attract loop alone', () => {
    const run = play(frames('wave-victory'));
    expect(ofType(run, 'wake')).toEqual([]);
    expect(reported(run)).toEqual([]);
  });
});

describe('a swipe', () => {
  it('to the left goes to the screen as "next", never back, and wakes nothing', () => {
    const run = play(raisedThenSwiped(4));
    expect(ofType(run, 'swipe').map(({ direction, backIfUnused }) => ({ direction, backIfUnused }))).toEqual([{ direction: 'left', backIfUnused: false }]);
    expect(reported(run)).toEqual(['swipe-left']);
    // A swipe is not a touch.
    expect(sequence(run, 'wake', 'pointer-down', 'click')).toEqual([]);
  });

  it('to the right that no screen uses goes back — except from the attract and home screens', () => {
    const backs = (['attract', 'home', 'games', 'product', 'offers'] as const).map((screen) => {
      const run = play(raisedThenSwiped(4), { settings: { mirror: false }, kiosk: { sessionActive: screen !== 'attract', screen } });
      expect(reported(run)).toEqual(['swipe-right']);
      return ofType(run, 'swipe').map((e) => e.backIfUnused);
    });
    expect(backs).toEqual([[false], [false], [true], [true], [true]]);
  });
});

describe('the cursor and the overlay', () => {
  it('the cursor comes with the hand, on the screen, and goes with it; the page hears the pointer leave', () => {
    const run = play(frames('swipe-victory'));
    const presence = ofType(run, 'hand-presence');
    expect(presence.map((e) => e.detail)).toEqual([
      { present: true, hands: 1, landmarks: [21] },
      { present: false, hands: 0, landmarks: [] },
    ]);
    const shown = run.steps.filter((s) => s.cursor);
    expect(shown[0]!.t).toBe(presence[0]!.t);
    for (const { cursor } of shown) {
      expect(cursor!.x).toBeGreaterThanOrEqual(0);
      expect(cursor!.x).toBeLessThanOrEqual(SCREEN.width);
      expect(cursor!.y).toBeGreaterThanOrEqual(0);
      expect(cursor!.y).toBeLessThanOrEqual(SCREEN.height);
    }
    expect(ofType(run, 'pointer-leave').map((e) => e.t)).toEqual([presence[1]!.t]);
    expect(run.steps.at(-1)!.cursor).toBeNull();
    expect(run.steps.at(-1)!.view.present).toBe(false);
  });

  it('a hand wandering over the screen moves the pointer with it, without re-rendering the overlay for it', () => {
    const run = play(frames('wander-pointing'), { kiosk: { ...DURING_SESSION, pressable: () => false } });
    const moves = ofType(run, 'pointer-move');
    expect(moves.length).toBeGreaterThan(100);
    for (const move of moves) expect(run.steps.find((s) => s.t === move.t)!.cursor).toEqual({ x: move.x, y: move.y });
    // One view for "no hand", one for "a hand": nothing in between.
    expect(new Set(run.steps.map((s) => s.view)).size).toBe(2);
  });

  it('a hand held still sends a pointer move only when the cursor has moved a whole pixel', () => {
    const run = play(frames('still-victory'), { settings: { click: 'pinch' } });
    const shown = run.steps.filter((s) => s.cursor);
    let moves = 0;
    for (let i = 1; i < shown.length; i++) {
      const moved = shown[i]!.effects.some((e) => e.type === 'pointer-move');
      const [a, b] = [shown[i - 1]!.cursor!, shown[i]!.cursor!];
      expect(moved).toBe(Math.abs(a.x - b.x) >= 1 || Math.abs(a.y - b.y) >= 1);
      if (moved) moves++;
    }
    expect(moves).toBeLessThan(shown.length / 2);
  });
});

describe('activity', () => {
  it('a hand in view keeps the shopper active: at once when it appears, then once a second', () => {
    const still = frames('still-victory');
    const run = play(still, { settings: { click: 'pinch' }, kiosk: DURING_SESSION });
    const marks = ofType(run, 'activity').map((e) => e.t);
    expect(marks[0]).toBe(ofType(run, 'hand-presence')[0]!.t);
    const gaps = marks.slice(1).map((t, i) => t - marks[i]!);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(ACTIVITY_EVERY_MS);
      expect(gap).toBeLessThan(ACTIVITY_EVERY_MS + 40);
    }
    expect(marks.length).toBe(Math.floor((still.at(-1)!.t - marks[0]!) / ACTIVITY_EVERY_MS) + 1);
  });

  it('a hand that comes back counts at once, however soon', () => {
    const still = frames('still-victory');
    const first = still.slice(0, 10);
    // Gone for about half a second (long enough to be lost), then raised again.
    const gone = Array.from({ length: 14 }, (_, i) => ({ ...first.at(-1)!, t: first.at(-1)!.t + 33 * (i + 1), hands: [] }));
    const again = still.slice(10).map((f) => ({ ...f, t: f.t + 33 * gone.length }));
    const run = play([...first, ...gone, ...again], { settings: { click: 'pinch' }, kiosk: DURING_SESSION });
    const arrivals = ofType(run, 'hand-presence').filter((e) => e.detail.present).map((e) => e.t);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(ACTIVITY_EVERY_MS);
    expect(ofType(run, 'activity').map((e) => e.t).slice(0, 2)).toEqual(arrivals);
  });

  it('flickering detections in a dark window are no hand: no activity, no cursor, nothing reported', () => {
    const run = play(frames('still-victory-dim'));
    expect(run.effects).toEqual([]);
    expect(run.steps.every((s) => s.cursor === null && s.view === NO_HAND)).toBe(true);
  });
});
