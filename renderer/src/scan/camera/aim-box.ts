// Which pixels of the camera frame lie under the on-screen aiming box: only those are
// decoded (less work, and no stray code elsewhere in the picture gets read).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AimOptions {
  /** Extra margin around the box, as a fraction of its size (codes held slightly off-centre still read). */
  padding?: number;
  /** The preview is shown mirrored (a front-facing camera). */
  mirrored?: boolean;
}

/**
 * Maps `box` (screen pixels) to frame pixels of a video of `frame` size shown in `view`
 * with object-fit: cover. The result is clamped to the frame and whole pixels; null
 * when the box is outside the picture.
 */
export function aimBoxInFrame(frame: { width: number; height: number }, view: Rect, box: Rect, options: AimOptions = {}): Rect | null {
  if (frame.width <= 0 || frame.height <= 0 || view.width <= 0 || view.height <= 0) return null;
  const scale = Math.max(view.width / frame.width, view.height / frame.height);
  const offsetX = (view.width - frame.width * scale) / 2;
  const offsetY = (view.height - frame.height * scale) / 2;
  const pad = options.padding ?? 0;
  const bx = box.x - box.width * pad;
  const by = box.y - box.height * pad;
  const bw = box.width * (1 + 2 * pad);
  const bh = box.height * (1 + 2 * pad);
  let x = (bx - view.x - offsetX) / scale;
  const y = (by - view.y - offsetY) / scale;
  const width = bw / scale;
  const height = bh / scale;
  if (options.mirrored) x = frame.width - (x + width);
  const left = Math.max(0, Math.floor(x));
  const top = Math.max(0, Math.floor(y));
  const right = Math.min(frame.width, Math.ceil(x + width));
  const bottom = Math.min(frame.height, Math.ceil(y + height));
  if (right - left < 8 || bottom - top < 8) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Scales a crop down so neither side exceeds `maxSide` (decoding time grows with pixels). */
export function decodeSize(crop: Rect, maxSide: number): { width: number; height: number } {
  const factor = Math.min(1, maxSide / Math.max(crop.width, crop.height));
  return { width: Math.max(1, Math.round(crop.width * factor)), height: Math.max(1, Math.round(crop.height * factor)) };
}
