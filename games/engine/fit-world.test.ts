import { describe, expect, it } from 'vitest';
import { containScale, coverFit, fitWorld, toWorld } from './fit-world.ts';

describe('resize policy', () => {
  it('fills a 1080p landscape window with the landscape design at scale 1', () => {
    expect(fitWorld({ width: 1920, height: 1080 })).toEqual({ orientation: 'landscape', scale: 1, world: { width: 1920, height: 1080 } });
  });

  it('lays out a portrait screen in portrait, growing the world instead of letterboxing', () => {
    const fit = fitWorld({ width: 1080, height: 1600 });
    expect(fit.orientation).toBe('portrait');
    expect(fit.scale).toBeCloseTo(1600 / 1920);
    expect(fit.world.height).toBeCloseTo(1920);
    expect(fit.world.width).toBeCloseTo(1080 / (1600 / 1920));
    expect(fit.world.width).toBeGreaterThan(1080);
  });

  it('maps a touch at the canvas corner to the world corner', () => {
    const fit = fitWorld({ width: 540, height: 960 });
    expect(toWorld(fit, 540, 960)).toEqual({ x: 1080, y: 1920 });
    expect(toWorld(fit, 270, 0)).toEqual({ x: 540, y: 0 });
  });

  it('survives a canvas that has no size yet', () => {
    const fit = fitWorld({ width: 0, height: 0 });
    expect(Number.isFinite(fit.scale) && fit.scale > 0).toBe(true);
  });

  it('covers an area with a background image, centred and cropped', () => {
    expect(coverFit({ width: 1000, height: 500 }, { width: 1080, height: 1920 })).toEqual({ scale: 3.84, x: (1080 - 3840) / 2, y: 0 });
    expect(containScale({ width: 200, height: 100 }, { width: 100, height: 100 })).toBe(0.5);
  });
});
