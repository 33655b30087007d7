// With several hands in view, one drives the cursor: the one already driving while it
// stays in view; otherwise the nearest (largest) and most central one. Hands too small
// to be a shopper's hand at the window (far away, or a false detection) never drive.
// A frame or two in which the model misses the hand (motion blur: the tracker often
// loses a hand sweeping fast) does not make it a new hand when it is found again
// farther on; the recogniser decides when the hand is gone and then calls reset().
import { handSize, palmCentre, type DetectedHand } from './landmarks.ts';

export interface HandSelectionOptions {
  /** Smallest hand (in image-height units) that may drive. */
  minHandSize: number;
  /** How far (image-height units) the driving hand's palm may jump between frames and still be the same hand… */
  followRadius: number;
  /** …plus this much per second since the last frame (a swipe at a few frames a second jumps far). */
  followSpeed: number;
}

export const DEFAULT_HAND_SELECTION: HandSelectionOptions = { minHandSize: 0.06, followRadius: 0.15, followSpeed: 2.5 };

export class HandSelector {
  private previous: { x: number; y: number; t: number } | null = null;

  constructor(private readonly options: HandSelectionOptions = DEFAULT_HAND_SELECTION) {}

  /** The driving hand of this frame, or null. `isNew` is true when it is not the hand that drove last (since reset()). */
  select(hands: readonly DetectedHand[], aspect: number, zoneCentre: { x: number; y: number }, t = 0): { hand: DetectedHand; isNew: boolean } | null {
    const candidates = hands.filter((h) => handSize(h, aspect) >= this.options.minHandSize);
    // No hand this frame: the driving one is remembered (where and when last seen) until reset().
    if (candidates.length === 0) return null;
    if (this.previous) {
      const prev = this.previous;
      let best: DetectedHand | null = null;
      let bestDist = this.options.followRadius + (this.options.followSpeed * Math.max(0, t - prev.t)) / 1000;
      for (const h of candidates) {
        const c = palmCentre(h);
        const d = Math.hypot((c.x - prev.x) * aspect, c.y - prev.y);
        if (d <= bestDist) {
          best = h;
          bestDist = d;
        }
      }
      if (best) {
        this.previous = { ...palmCentre(best), t };
        return { hand: best, isNew: false };
      }
    }
    let chosen = candidates[0]!;
    let chosenScore = -Infinity;
    for (const h of candidates) {
      const c = palmCentre(h);
      const off = Math.min(1, Math.hypot((c.x - zoneCentre.x) * aspect, c.y - zoneCentre.y) / 0.5);
      const score = handSize(h, aspect) * (1 - 0.5 * off);
      if (score > chosenScore) {
        chosen = h;
        chosenScore = score;
      }
    }
    this.previous = { ...palmCentre(chosen), t };
    return { hand: chosen, isNew: true };
  }

  reset(): void {
    this.previous = null;
  }
}
