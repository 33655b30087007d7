// The soak's fake camera: a shopper raising a hand (Google's victory photo from the test
// data) for two seconds, sweeping it sideways in half a second — a brisk swipe,
// as in test/e2e/gesture-swipe.e2e.ts — then nobody for 22 s, so a session can time out
// between waves (a hand in view keeps a session alive). Chromium loops the file, so a
// wave comes every 25.5 s. 320x240 at 15 fps keeps the raw y4m at ~45 MB; the model
// sees the same shapes as at 640x480 (it works on a 224 px square anyway).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PHOTOS, SCENE_DIR } from '../../support/gesture/scenes.ts';
import { requireTestdata } from '../../support/testdata.ts';

const W = 320;
const H = 240;
const FPS = 15;
const HOLD = { from: 1, to: 3 };
const SWEEP_SEC = 0.5;
const EMPTY_AFTER_SEC = 22;
export const WAVE_PERIOD_SEC = HOLD.to + SWEEP_SEC + EMPTY_AFTER_SEC;

/** Makes the clip once (kept in the gesture scenes' folder) and returns its path. */
export async function waveCamera(): Promise<string> {
  const photo = requireTestdata(PHOTOS.victory);
  const out = path.join(SCENE_DIR, `soak-wave-${W}x${H}-${FPS}fps-${WAVE_PERIOD_SEC}s-v2.y4m`);
  if (existsSync(out)) return out;
  await mkdir(SCENE_DIR, { recursive: true });
  // Hand height = the picture's; it rests at the left, then sweeps right by 3/8 of the
  // width in half a second (0.75 widths/s): the swipe test's own pace. Faster, the model
  // (a frame every ~100 ms on a CPU) loses the hand before the swipe is recognised.
  const start = -W / 8;
  const speed = (W * 3) / 8 / SWEEP_SEC;
  const x = `if(lt(t,${HOLD.to}),${start},${start}+${speed}*(t-${HOLD.to}))`;
  const filter =
    `color=c=gray:s=${W}x${H}:r=${FPS}:d=${WAVE_PERIOD_SEC}[bg];[0:v]scale=${H}:${H}[fg];` +
    `[bg][fg]overlay=x='${x}':y=0:enable='between(t,${HOLD.from},${HOLD.to + SWEEP_SEC})':shortest=1,format=yuv420p[v]`;
  const temp = `${out}.${process.pid}.tmp`;
  await promisify(execFile)('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', photo, '-filter_complex', filter, '-map', '[v]', '-t', String(WAVE_PERIOD_SEC), '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', temp]);
  await rename(temp, out);
  return out;
}
