// Maps a point of the camera image to the screen through the interaction zone: the part
// of the image (where a shopper's hand comfortably moves) that spans the whole screen.
// With `mirror` the screen behaves like a mirror: moving the hand to your right moves
// the cursor to the right.

export interface InteractionZone {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Screen position (0–1 on each axis, clamped) of camera-image point (x, y). */
export function zoneToScreen(p: { x: number; y: number }, zone: InteractionZone, mirror: boolean): { x: number; y: number } {
  let u = (p.x - zone.x) / zone.width;
  const v = (p.y - zone.y) / zone.height;
  if (mirror) u = 1 - u;
  return { x: clamp01(u), y: clamp01(v) };
}

/** A horizontal movement in the camera image as the shopper sees it on screen (+ = to the right). */
export function screenDx(cameraDx: number, mirror: boolean): number {
  return mirror ? -cameraDx : cameraDx;
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
