import { describe, expect, it } from 'vitest';
import { frames, shifted, together } from './fixtures/recordings.ts';
import { HandSelector } from './hand-selection.ts';
import { handSize, palmCentre, type DetectedHand, type HandFrame } from './landmarks.ts';

const centre = { x: 0.5, y: 0.45 };

/** A recorded hand scaled about its wrist: a person nearer (k > 1) or farther (k < 1). */
function scaled(list: HandFrame[], k: number): HandFrame[] {
  return list.map((f) => ({
    ...f,
    hands: f.hands.map((h): DetectedHand => {
      const w = h.landmarks[0]!;
      return { ...h, landmarks: h.landmarks.map((p) => ({ x: w.x + (p.x - w.x) * k, y: w.y + (p.y - w.y) * k, z: p.z })) };
    }),
  }));
}

describe('hand selection', () => {
  const still = frames('still-victory');

  it('picks the nearer of two hands', () => {
    const near = still;
    const far = shifted(scaled(still, 0.6), -0.05, 0.1);
    const frame = together(far, near)[10]!;
    const picked = new HandSelector().select(frame.hands, frame.aspect, centre)!;
    expect(handSize(picked.hand, frame.aspect)).toBeCloseTo(handSize(near[10]!.hands[0]!, frame.aspect));
  });

  it('between two equal hands, the one nearer the middle of the zone', () => {
    const left = shifted(still, -0.3, 0);
    const middle = shifted(still, 0.16, 0.05);
    const frame = together(left, middle)[10]!;
    const picked = new HandSelector().select(frame.hands, frame.aspect, centre)!;
    expect(palmCentre(picked.hand).x).toBeCloseTo(palmCentre(middle[10]!.hands[0]!).x);
  });

  it('keeps following the driving hand when a nearer one comes into view', () => {
    const selector = new HandSelector();
    const driver = shifted(still, -0.2, 0);
    const first = selector.select(driver[0]!.hands, driver[0]!.aspect, centre, driver[0]!.t)!;
    expect(first.isNew).toBe(true);
    const withNewcomer = together(driver, scaled(shifted(still, 0.25, 0), 1.3));
    for (const f of withNewcomer.slice(1, 20)) {
      const picked = selector.select(f.hands, f.aspect, centre, f.t)!;
      expect(picked.isNew).toBe(false);
      expect(palmCentre(picked.hand).x).toBeLessThan(0.4);
    }
  });

  it('keeps following one hand that jumps far between slow frames (a fast swipe at 5 fps)', () => {
    const selector = new HandSelector();
    const at = (dx: number) => shifted(still, dx, 0)[0]!.hands;
    expect(selector.select(at(0), still[0]!.aspect, centre, 0)!.isNew).toBe(true);
    // 0.2 image widths in 200 ms: farther than a hand moves between two frames at 30 fps.
    expect(selector.select(at(0.2), still[0]!.aspect, centre, 200)!.isNew).toBe(false);
    expect(selector.select(at(0.4), still[0]!.aspect, centre, 400)!.isNew).toBe(false);
  });

  it('a frame in which the model missed the hand (motion blur mid-sweep) does not make it a new hand', () => {
    const selector = new HandSelector();
    const at = (dx: number) => shifted(still, dx, 0)[0]!.hands;
    expect(selector.select(at(0), still[0]!.aspect, centre, 0)!.isNew).toBe(true);
    expect(selector.select([], still[0]!.aspect, centre, 200)).toBeNull();
    expect(selector.select(at(0.4), still[0]!.aspect, centre, 400)!.isNew).toBe(false);
    // Once the recogniser has given the hand up, the next one is new.
    selector.reset();
    expect(selector.select(at(0.4), still[0]!.aspect, centre, 1000)!.isNew).toBe(true);
  });

  it('a hand appearing far away in the next frame is a new hand', () => {
    const selector = new HandSelector();
    selector.select(shifted(still, -0.3, 0)[0]!.hands, still[0]!.aspect, centre, 0);
    expect(selector.select(shifted(still, 0.3, 0)[0]!.hands, still[0]!.aspect, centre, 33)!.isNew).toBe(true);
  });

  it('ignores hands too small to be someone at the window', () => {
    const tiny = scaled(still, 0.2);
    expect(new HandSelector().select(tiny[5]!.hands, tiny[5]!.aspect, centre)).toBeNull();
  });
});
