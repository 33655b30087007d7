// The lucky wheel's geometry and timing over plain numbers. The kiosk's prize rules
// pick the outcome first; these rules only find a segment that shows it and a spin
// that lands there, so the animation can never disagree with the prize.

import type { Size } from '../contract.ts';
import { HUD_BAND } from '../engine/fit-world.ts';

const TAU = Math.PI * 2;

/** The wheel's radius in wheel units; its pointer reaches POINTER_REACH above the centre, its rim RIM_REACH below. */
export const WHEEL_RADIUS = 400;
export const POINTER_REACH = WHEEL_RADIUS + 40;
export const RIM_REACH = WHEEL_RADIUS + 8;
const MARGIN = 24;

/**
 * Where the wheel goes in the world: centred across, below the kiosk's time and score
 * (HUD_BAND), as large as fits. `unit` is world units per wheel unit.
 */
export function wheelLayout(world: Size): { x: number; y: number; unit: number } {
  const top = HUD_BAND + MARGIN;
  const height = Math.max(1, world.height - top - MARGIN);
  const unit = Math.min((world.width - 2 * MARGIN) / (2 * RIM_REACH), height / (POINTER_REACH + RIM_REACH), 1.25);
  return { x: world.width / 2, y: top + (height - (POINTER_REACH + RIM_REACH) * unit) / 2 + POINTER_REACH * unit, unit };
}

/** Segment i covers [i, i + 1) x (360° / n), clockwise from the pointer at the top. */
export function segmentUnder(rotation: number, count: number): number {
  const size = TAU / count;
  // Turning the wheel clockwise by r brings the part at angle -r under the pointer.
  const under = (((-rotation % TAU) + TAU) % TAU);
  return Math.min(count - 1, Math.floor(under / size));
}

/** A segment that shows this prize (null = a "try again" segment), chosen at random among equals; -1 if none. */
export function segmentFor(segments: readonly { prizeId: string | null }[], prizeId: string | null, random: () => number): number {
  const matching: number[] = [];
  segments.forEach((s, i) => {
    if (s.prizeId === prizeId) matching.push(i);
  });
  if (matching.length === 0) return -1;
  return matching[Math.min(matching.length - 1, Math.floor(random() * matching.length))]!;
}

/**
 * The rotation to end on: at least `turns` full turns beyond `from`, landing inside
 * `segment` but clear of its edges (so no one argues about a pointer on a line).
 */
export function landingRotation(from: number, segment: number, count: number, random: () => number, turns = 5): number {
  const size = TAU / count;
  const inside = 0.2 + 0.6 * random(); // 20 %–80 % across the segment
  const target = -((segment + inside) * size); // the rotation that puts this spot under the pointer
  const base = from + turns * TAU;
  const extra = (((target - base) % TAU) + TAU) % TAU;
  return base + extra;
}

/** Ease-out: fast at first, slowing to a stop; 0 → 0, 1 → 1. */
export function spinEase(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return 1 - (1 - c) ** 4;
}

export const SPIN_MS = 4500;
/** How long the landed segment is shown before the result. */
export const LANDED_MS = 2200;
