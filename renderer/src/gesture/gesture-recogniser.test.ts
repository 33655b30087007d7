// The recogniser on landmark sequences recorded with the real model (fixtures/*.json,
// see test/support/gesture/record-landmarks.ts). Pinch and open palm are edits of real
// recordings (fixtures/recordings.ts says how); everything else is as recorded.
import { describe, expect, it } from 'vitest';
import { asOpenPalm, everyNth, frames, raisedThenSwiped, withPinch } from './fixtures/recordings.ts';
import { GestureRecogniser, type GestureEvent, type GestureSettings, type ScreenPoint } from './gesture-recogniser.ts';
import { palmCentre, type HandFrame } from './landmarks.ts';

const SETTINGS: GestureSettings = { click: 'both', dwellMs: 1200, zone: { x: 0.15, y: 0.1, width: 0.7, height: 0.7 }, mirror: true };
const EVERYWHERE = { aspect: 9 / 16, canDwellAt: () => true };

interface Run {
  events: (GestureEvent & { t: number })[];
  cursors: (ScreenPoint & { t: number })[];
  rings: number[];
}

function play(list: HandFrame[], settings: Partial<GestureSettings> = {}, probe = EVERYWHERE): Run {
  const recogniser = new GestureRecogniser({ ...SETTINGS, ...settings });
  const run: Run = { events: [], cursors: [], rings: [] };
  for (const frame of list) {
    const out = recogniser.update(frame, probe);
    run.events.push(...out.events.map((e) => ({ ...e, t: frame.t })));
    if (out.cursor) run.cursors.push({ ...out.cursor, t: frame.t });
    run.rings.push(out.dwell);
  }
  return run;
}

/** The model found no hand in the `n`th frame of the sweep (counting from the first in which the palm has moved). */
function missedInSweep(list: HandFrame[], n: number): HandFrame[] {
  const rest = palmCentre(list[0]!.hands[0]!).x;
  const first = list.findIndex((f) => f.hands[0] !== undefined && Math.abs(palmCentre(f.hands[0]).x - rest) > 0.02);
  return list.map((f, i) => (i === first + n ? { ...f, hands: [] } : f));
}

const clicks = (run: Run) => run.events.filter((e) => e.type === 'press' || e.type === 'dwell-click');
const ofType = <T extends GestureEvent['type']>(run: Run, type: T) =>
  run.events.filter((e): e is Extract<GestureEvent, { type: T }> & { t: number } => e.type === type);

describe('gesture recogniser on recorded hands', () => {
  it('a hand moving around without pinching never clicks, swipes or waves', () => {
    const run = play(frames('wander-pointing'));
    // It did move the cursor over much of the screen…
    const xs = run.cursors.map((c) => c.x);
    const ys = run.cursors.map((c) => c.y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.4);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.1);
    // …and nothing fired.
    expect(run.events.map((e) => e.type)).toEqual(['presence']);
  });

  it('the same wandering at 15 fps (a busy kiosk) does not click either', () => {
    expect(clicks(play(everyNth(frames('wander-pointing'), 2)))).toEqual([]);
  });

  it('a still hand gives a steady cursor', () => {
    const run = play(frames('still-victory'));
    const settled = run.cursors.filter((c) => c.t > 1500);
    const spreadX = Math.max(...settled.map((c) => c.x)) - Math.min(...settled.map((c) => c.x));
    const spreadY = Math.max(...settled.map((c) => c.y)) - Math.min(...settled.map((c) => c.y));
    // Under 4 px on a 1080 × 1920 portrait screen.
    expect(spreadX * 1080).toBeLessThan(4);
    expect(spreadY * 1920).toBeLessThan(4);
  });

  it('holding still over a button dwells: the ring fills, then exactly one click where the hand rests', () => {
    const run = play(frames('still-victory'), { click: 'dwell' });
    const dwellClicks = ofType(run, 'dwell-click');
    expect(dwellClicks).toHaveLength(1);
    const presence = ofType(run, 'presence')[0]!;
    // Present, armed (300 ms), then the dwell time.
    expect(dwellClicks[0]!.t - presence.t).toBeGreaterThanOrEqual(300 + 1200 - 1);
    expect(dwellClicks[0]!.t - presence.t).toBeLessThan(300 + 1200 + 100);
    const rest = run.cursors.at(-1)!;
    expect(Math.abs(dwellClicks[0]!.x - rest.x)).toBeLessThan(0.01);
    expect(Math.max(...run.rings)).toBeGreaterThan(0.9);
  });

  it('dwelling does nothing where nothing can be pressed', () => {
    const run = play(frames('still-victory'), { click: 'dwell' }, { aspect: 9 / 16, canDwellAt: () => false });
    expect(clicks(run)).toEqual([]);
    expect(Math.max(...run.rings)).toBe(0);
  });

  it('in pinch-only mode a still hand never clicks', () => {
    expect(clicks(play(frames('still-victory'), { click: 'pinch' }))).toEqual([]);
  });

  it('a pinch presses and releases once, where the cursor was before the fingers closed', () => {
    const still = frames('still-victory');
    const run = play(withPinch(still, 1500), { click: 'pinch' });
    expect(run.events.map((e) => e.type)).toEqual(['presence', 'press', 'release']);
    const [press, release] = [ofType(run, 'press')[0]!, ofType(run, 'release')[0]!];
    expect(release.cancelled).toBe(false);
    const before = run.cursors.filter((c) => c.t < still[0]!.t + 1500).at(-1)!;
    expect(Math.hypot(press.x - before.x, press.y - before.y)).toBeLessThan(0.01);
    expect(Math.hypot(release.x - press.x, release.y - press.y)).toBeLessThan(0.01);
    // Without that care the click would have landed where the bent fingertip went.
    const unstabilised = play(withPinch(still, 1500), { click: 'dwell' }).cursors.reduce((far, c) => Math.max(far, Math.hypot(c.x - before.x, c.y - before.y)), 0);
    expect(unstabilised).toBeGreaterThan(0.03);
  });

  it('a pinch right as a hand appears does not click (the hand is not armed yet)', () => {
    const run = play(withPinch(frames('still-victory'), 0, { closeMs: 60, holdMs: 150 }), { click: 'pinch' });
    expect(clicks(run)).toEqual([]);
  });

  it('a pinch held when the hand drops out of view is cancelled, not clicked', () => {
    const still = frames('still-victory');
    const pinched = withPinch(still, 1500, { holdMs: 5000 });
    const vanished = pinched.map((f) => (f.t > still[0]!.t + 2200 ? { ...f, hands: [] } : f));
    const run = play(vanished, { click: 'pinch' });
    const release = ofType(run, 'release');
    expect(release).toHaveLength(1);
    expect(release[0]!.cancelled).toBe(true);
    expect(ofType(run, 'presence').map((e) => e.present)).toEqual([true, false]);
  });

  it('low light: flickering single-frame detections are not a hand, and fire nothing', () => {
    const run = play(frames('still-victory-dim'));
    expect(run.events).toEqual([]);
  });

  it('the recorded slide at its own slow pace is cursor movement, not a swipe', () => {
    const run = play(frames('swipe-victory'));
    expect(ofType(run, 'swipe')).toEqual([]);
    expect(ofType(run, 'presence').map((e) => e.present)).toEqual([true, false]);
  });

  it('a raised hand sweeping quickly across swipes once; mirrored, image left-to-right is the shopper’s left', () => {
    for (const speed of [3, 4]) {
      const run = play(raisedThenSwiped(speed));
      expect(ofType(run, 'swipe').map((e) => e.direction)).toEqual(['left']);
      expect(clicks(run)).toEqual([]);
    }
    expect(ofType(play(raisedThenSwiped(4), { mirror: false }), 'swipe').map((e) => e.direction)).toEqual(['right']);
  });

  it('the swipe is still seen at 15 fps, and at 5 fps on a busy kiosk', () => {
    expect(ofType(play(raisedThenSwiped(4, 2)), 'swipe')).toHaveLength(1);
    // Five times the recorded pace, a frame every 200 ms: the hand jumps far between frames.
    expect(ofType(play(raisedThenSwiped(5, 6)), 'swipe').map((e) => e.direction)).toEqual(['left']);
  });

  it('a swipe is still a swipe when the model misses the hand in a frame of the sweep (motion blur)', () => {
    for (const n of [0, 1, 2, 3]) expect(ofType(play(missedInSweep(raisedThenSwiped(4, 2), n)), 'swipe').map((e) => e.direction)).toEqual(['left']);
    // A frame every 200 ms, the middle one of the sweep lost: the two either side are enough.
    expect(ofType(play(missedInSweep(raisedThenSwiped(5, 6), 0)), 'swipe').map((e) => e.direction)).toEqual(['left']);
  });

  it('an open hand waving wakes (wave), a victory sign waved does not', () => {
    const open = play(asOpenPalm(frames('wave-victory')));
    const waves = ofType(open, 'wave');
    expect(waves.length).toBeGreaterThanOrEqual(1);
    // The waving starts a second into the clip (t = 2000 here); a wave is known within a second.
    expect(waves[0]!.t - 2000).toBeLessThan(1000);
    expect(ofType(open, 'swipe')).toEqual([]);
    expect(clicks(play(asOpenPalm(frames('wave-victory')), { click: 'pinch' }))).toEqual([]);
    expect(ofType(play(frames('wave-victory')), 'wave')).toEqual([]);
  });

  it('the hand leaving ends presence and removes the cursor', () => {
    const list = frames('swipe-victory');
    const recogniser = new GestureRecogniser(SETTINGS);
    let last = null;
    for (const f of list) last = recogniser.update(f, EVERYWHERE);
    expect(last!.cursor).toBeNull();
  });
});
