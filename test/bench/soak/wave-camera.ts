// The soak's fake camera: the gesture e2e's swipe scene (scenes.ts, swipeCamera: the
// shared clip's victory hand held up for two seconds, then swept sideways four times
// faster than recorded, ~0.75 image widths a second), with the hand resting a second
// where the sweep ended before it goes, as a shopper's does, then nobody for 21 s, so a
// session can time out between waves (a hand in view keeps a session alive). Chromium
// loops the file, so a wave comes every 25.5 s.
//
// The rest matters on a busy CPU: there the worker analyses only 4–6 frames a second and
// the model's tracker loses a hand moving that fast, so the sweep is often seen as the
// hand at rest, a frame or two of it moving, a frame without it, and the hand found
// again only where it stopped. A hand that vanished the instant the sweep ended left no
// frame to find it in. 320x240 at 15 fps keeps the raw y4m at ~44 MB; the model sees
// the same shapes as at 640x480 (it works on a 224 px square anyway).
import { swipeCamera } from '../../support/gesture/scenes.ts';

const SPEED = 4;
const HOLD_SEC = 2;
const REST_SEC = 1;
const EMPTY_SEC = 20;
/** The shared clip's grey lead-in and tail (1 s each) and its slide (2 s at its own pace). */
export const WAVE_PERIOD_SEC = 1 + HOLD_SEC + 2 / SPEED + REST_SEC + 1 + EMPTY_SEC;

/** Makes the clip once (kept in the gesture scenes' folder, named for its recipe) and returns its path. */
export function waveCamera(): Promise<string> {
  return swipeCamera(SPEED, HOLD_SEC, { restSec: REST_SEC, emptySec: EMPTY_SEC, width: 320, height: 240, fps: 15 });
}
