// The scratch card's face, one texture for as long as the kiosk runs. Each frame's brush
// is a shape filled with the face, and pixi keeps a bind group for every texture such a
// shape was filled with, in a table it never empties (with listeners on its shared empty
// texture): a new face per card grew that table by every card, which a soak of months
// would feel. One face, resized in place when a card needs another size, is one entry.
// Erasing the cover with a plain shape instead avoids the table too, but draws two
// card-sized layers a frame: on software WebGL that ran at 15 fps in three of three
// runs, against 10-30 fps for one layer.
import { RenderTexture } from 'pixi.js';

let face: RenderTexture | null = null;

/** The face texture at this size; its content is whatever the last card drew into it. */
export function faceTexture(width: number, height: number, resolution: number): RenderTexture {
  if (!face || face.destroyed) face = RenderTexture.create({ width, height, resolution });
  else face.resize(width, height, resolution);
  return face;
}
