import { describe, expect, it } from 'vitest';
import { screenDx, zoneToScreen } from './interaction-zone.ts';

const zone = { x: 0.15, y: 0.1, width: 0.7, height: 0.7 };

describe('interaction zone', () => {
  it('spreads the zone over the whole screen', () => {
    expect(zoneToScreen({ x: 0.15, y: 0.1 }, zone, false)).toEqual({ x: 0, y: 0 });
    expect(zoneToScreen({ x: 0.85, y: 0.8 }, zone, false)).toEqual({ x: 1, y: 1 });
    const mid = zoneToScreen({ x: 0.5, y: 0.45 }, zone, false);
    expect(mid.x).toBeCloseTo(0.5);
    expect(mid.y).toBeCloseTo(0.5);
  });

  it('keeps the cursor on screen when the hand leaves the zone', () => {
    expect(zoneToScreen({ x: 0.02, y: 0.97 }, zone, false)).toEqual({ x: 0, y: 1 });
    expect(zoneToScreen({ x: 0.99, y: 0.0 }, zone, false)).toEqual({ x: 1, y: 0 });
  });

  it('mirrors, so a hand moving to the shopper’s right moves the cursor right', () => {
    // The camera faces the shopper: their right is the image's left.
    expect(zoneToScreen({ x: 0.15, y: 0.1 }, zone, true)).toEqual({ x: 1, y: 0 });
    expect(zoneToScreen({ x: 0.3, y: 0.45 }, zone, true).x).toBeGreaterThan(zoneToScreen({ x: 0.6, y: 0.45 }, zone, true).x);
    expect(screenDx(-0.2, true)).toBeCloseTo(0.2);
    expect(screenDx(-0.2, false)).toBeCloseTo(-0.2);
  });
});
