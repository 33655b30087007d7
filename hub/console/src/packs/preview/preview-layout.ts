// The two virtual kiosks side by side at the same height: a portrait 1080×1920 screen and a
// landscape 1920×1080 one, each drawn at its real size and scaled to fit the width there is.

export const SCREENS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
export type Orientation = keyof typeof SCREENS;

export interface FrameBox {
  /** CSS scale applied to the full-size frame. */
  scale: number;
  width: number;
  height: number;
}

/** Fits both screens into `available` px of width with `gap` between them; never larger than `maxHeight`. */
export function layoutPreview(available: number, gap: number, maxHeight = 720): Record<Orientation, FrameBox> {
  const aspectSum = SCREENS.portrait.width / SCREENS.portrait.height + SCREENS.landscape.width / SCREENS.landscape.height;
  const height = Math.max(160, Math.min(maxHeight, Math.floor((available - gap) / aspectSum)));
  const box = (o: Orientation): FrameBox => {
    const scale = height / SCREENS[o].height;
    return { scale, width: Math.floor(SCREENS[o].width * scale), height };
  };
  return { portrait: box('portrait'), landscape: box('landscape') };
}
