// The resize policy: a game lays out a world in design units — 1080 x 1920 on a
// portrait screen, 1920 x 1080 on a landscape one — scaled to fit the canvas. The
// world grows on the long side instead of letterboxing, so nothing is cut off and no
// bars are drawn; rules work in world units, input is converted into them.
import type { Size } from '../contract.ts';

export type Orientation = 'portrait' | 'landscape';

export const DESIGN_SIZE: Record<Orientation, Size> = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
};

/**
 * The band across the top of a game the kiosk covers with its time and score, in world
 * units (the short side is 1080 or more): what a shopper must see, such as the
 * wheel's pointer, sits below it.
 */
export const HUD_BAND = 170;

export interface WorldFit {
  orientation: Orientation;
  /** CSS pixels per world unit. */
  scale: number;
  /** The whole canvas in world units: at least the design size in both directions. */
  world: Size;
}

export function fitWorld(viewport: Size): WorldFit {
  const width = Math.max(1, viewport.width);
  const height = Math.max(1, viewport.height);
  const orientation: Orientation = height >= width ? 'portrait' : 'landscape';
  const design = DESIGN_SIZE[orientation];
  const scale = Math.min(width / design.width, height / design.height);
  return { orientation, scale, world: { width: width / scale, height: height / scale } };
}

/** Canvas CSS pixels to world units. */
export function toWorld(fit: WorldFit, x: number, y: number): { x: number; y: number } {
  return { x: x / fit.scale, y: y / fit.scale };
}

/** Scale and offset that make `image` cover `area` (cropping the overflow), centred. */
export function coverFit(image: Size, area: Size): { scale: number; x: number; y: number } {
  const scale = Math.max(area.width / Math.max(1, image.width), area.height / Math.max(1, image.height));
  return { scale, x: (area.width - image.width * scale) / 2, y: (area.height - image.height * scale) / 2 };
}

/** Scale that makes `image` fit inside a box of `size`, keeping its shape. */
export function containScale(image: Size, size: Size): number {
  return Math.min(size.width / Math.max(1, image.width), size.height / Math.max(1, image.height));
}
