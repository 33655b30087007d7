import { describe, expect, it } from 'vitest';
import { HUD_BAND } from '../engine/fit-world.ts';
import { landingRotation, POINTER_REACH, RIM_REACH, segmentFor, segmentUnder, spinEase, wheelLayout } from './wheel-rules.ts';

const seeded = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const TAU = Math.PI * 2;

describe('wheel rules', () => {
  it('keeps the pointer below the kiosk\'s time and score and the whole wheel on screen, in both orientations', () => {
    for (const world of [{ width: 1920, height: 1080 }, { width: 1080, height: 1920 }, { width: 2560, height: 1080 }, { width: 1080, height: 2340 }]) {
      const { x, y, unit } = wheelLayout(world);
      expect(y - POINTER_REACH * unit, `pointer top in ${world.width}x${world.height}`).toBeGreaterThanOrEqual(HUD_BAND);
      expect(y + RIM_REACH * unit).toBeLessThanOrEqual(world.height);
      expect(x - RIM_REACH * unit).toBeGreaterThanOrEqual(0);
      expect(x + RIM_REACH * unit).toBeLessThanOrEqual(world.width);
      expect(RIM_REACH * 2 * unit, 'the wheel fills most of the short side').toBeGreaterThan(Math.min(world.width, world.height) * 0.7);
    }
  });

  it('knows which segment is under the pointer', () => {
    expect(segmentUnder(0, 8)).toBe(0);
    expect(segmentUnder(-TAU / 8 - 0.01, 8)).toBe(1);
    expect(segmentUnder(TAU / 8 - 0.01, 8)).toBe(7); // turning clockwise a little shows the last one
    expect(segmentUnder(-10 * TAU - 0.5 * (TAU / 6), 6)).toBe(0);
  });

  it('always lands on the segment the prize rules chose, several turns on, away from its edges', () => {
    const random = seeded(11);
    for (const count of [4, 6, 8, 12]) {
      let rotation = 0;
      for (let round = 0; round < 50; round++) {
        const segment = Math.floor(random() * count);
        const end = landingRotation(rotation, segment, count, random);
        expect(segmentUnder(end, count)).toBe(segment);
        expect(end - rotation).toBeGreaterThanOrEqual(5 * TAU);
        expect(end - rotation).toBeLessThan(6 * TAU);
        const size = TAU / count;
        const offset = (((-end % TAU) + TAU) % TAU) / size - segment;
        expect(offset).toBeGreaterThanOrEqual(0.2 - 1e-9);
        expect(offset).toBeLessThanOrEqual(0.8 + 1e-9);
        rotation = end;
      }
    }
  });

  it('finds a segment showing the prize, or a "try again" one, or says there is none', () => {
    const segments = [{ prizeId: 'ten-off' }, { prizeId: null }, { prizeId: 'gift' }, { prizeId: null }, { prizeId: 'ten-off' }];
    const random = seeded(5);
    const seen = new Set<number>();
    for (let i = 0; i < 40; i++) seen.add(segmentFor(segments, 'ten-off', random));
    expect([...seen].sort()).toEqual([0, 4]);
    expect([1, 3]).toContain(segmentFor(segments, null, random));
    expect(segmentFor(segments, 'no-such', random)).toBe(-1);
  });

  it('eases out to a stop', () => {
    expect(spinEase(0)).toBe(0);
    expect(spinEase(1)).toBe(1);
    expect(spinEase(0.5)).toBeGreaterThan(0.9);
    expect(spinEase(2)).toBe(1);
  });
});
