// Camera footage for the gesture tests, made at test time with ffmpeg from the shared
// test data (never committed): the fake-camera .y4m files Chromium plays as a webcam,
// and the short scenes the landmark fixtures were recorded from.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireTestdata } from '../testdata.ts';

const run = promisify(execFile);

/** Test-data files (test/support/testdata.ts finds them; a scene made from a missing one throws MissingTestdata). */
export const SWIPE_WEBM = 'mediapipe/media/swipe_victory.webm';
export const PHOTOS = {
  victory: 'mediapipe/images/google_victory.jpg',
  thumbsUp: 'mediapipe/images/google_thumbs_up.jpg',
  pointingUp: 'mediapipe/images/google_pointing_up.jpg',
};
export const SCENE_DIR = process.env.KIOSK_GESTURE_MEDIA ?? '/tmp/shopfront-gesture-media';

const W = 640;
const H = 480;
const FPS = 30;

/** ffmpeg, writing atomically so a parallel test never reads half a file; reuses an existing output. */
async function ffmpeg(out: string, args: string[]): Promise<string> {
  if (existsSync(out)) return out;
  await mkdir(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp${path.extname(out)}`;
  try {
    await run('ffmpeg', ['-loglevel', 'error', '-y', ...args, temp], { maxBuffer: 1 << 20 });
  } catch (err) {
    throw new Error(`ffmpeg could not make ${path.basename(out)} (is ffmpeg installed? apt-get install -y ffmpeg): ${(err as Error).message}`);
  }
  await rename(temp, out);
  return out;
}

const y4m = ['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe'];

export interface SwipeSceneOptions {
  /** The hand stays where the sweep ended for this long before it goes, as a shopper's hand does. */
  restSec?: number;
  /** An empty grey scene this long after the clip: with Chromium looping the file, the time between swipes. */
  emptySec?: number;
  /** Frame size and rate (640x480 at 30 fps unless given); smaller keeps a long clip's raw .y4m small. */
  width?: number;
  height?: number;
  fps?: number;
}

/**
 * swipe_victory.webm as a fake camera. With `speed` > 1 the slide (1 s → 3 s) plays that
 * many times faster and the hand is first held up, still, for `holdSec` (the first
 * frame of the slide repeated) — a shopper raising a hand, then swiping. At its
 * recorded pace (~0.15 image widths a second) the slide is slower than someone moving
 * the cursor, which the recogniser deliberately does not take for a swipe. The grey
 * lead-in and tail stay as they are (then `options` may rest the hand at the end of the
 * slide, add empty time, and change the size and rate). Chromium loops the file.
 */
export async function swipeCamera(speed = 1, holdSec = 0, options: SwipeSceneOptions = {}): Promise<string> {
  const { restSec = 0, emptySec = 0, width = W, height = H, fps = FPS } = options;
  const clip = requireTestdata(SWIPE_WEBM);
  const resized = width !== W || height !== H || fps !== FPS;
  const name = `swipe-victory-x${speed}-hold${holdSec}${restSec ? `-rest${restSec}` : ''}${emptySec ? `-empty${emptySec}` : ''}${resized ? `-${width}x${height}-${fps}fps` : ''}`;
  const out = path.join(SCENE_DIR, `${name}.y4m`);
  if (speed === 1 && holdSec === 0 && !restSec && !emptySec && !resized) return ffmpeg(out, ['-i', clip, '-r', String(FPS), ...y4m]);
  const hold = holdSec > 0 ? `,tpad=start_duration=${holdSec}:start_mode=clone` : '';
  // A second tpad on the same stream adds nothing unless the frame rate is set between them.
  const rest = restSec > 0 ? `,fps=${FPS},tpad=stop_duration=${restSec}:stop_mode=clone` : '';
  const empty = emptySec > 0 ? `,tpad=stop_duration=${emptySec}:stop_mode=add:color=0x808080` : '';
  const filter =
    `[0:v]trim=0:1,setpts=PTS-STARTPTS[a];[0:v]trim=1:3,setpts=(PTS-STARTPTS)/${speed}${hold}${rest}[b];` +
    `[0:v]trim=3:4,setpts=PTS-STARTPTS[c];[a][b][c]concat=n=3:v=1${empty},fps=${fps}${resized ? `,scale=${width}:${height}` : ''}[v]`;
  return ffmpeg(out, ['-i', clip, '-filter_complex', filter, '-map', '[v]', ...y4m]);
}

/** A photo of the test data (one of PHOTOS) held still in front of the camera for `seconds`. */
export async function stillCamera(photo: string, seconds = 3): Promise<string> {
  const file = requireTestdata(photo);
  const out = path.join(SCENE_DIR, `still-${path.basename(photo, '.jpg')}.y4m`);
  return ffmpeg(out, ['-loop', '1', '-i', file, '-t', String(seconds), '-vf', `scale=${W}:${H}:force_original_aspect_ratio=decrease,pad=${W}:${H}:(ow-iw)/2:(oh-ih)/2:gray,fps=${FPS}`, ...y4m]);
}

/** An empty grey scene: nothing for the model to find. */
export function blankCamera(seconds = 2): Promise<string> {
  const out = path.join(SCENE_DIR, 'blank.y4m');
  return ffmpeg(out, ['-f', 'lavfi', '-i', `color=c=gray:s=${W}x${H}:r=${FPS}:d=${seconds}`, ...y4m]);
}

/** A photo of the test data (scaled to `size` px) moving over a grey scene along x(t), y(t) (ffmpeg expressions). */
async function movingPhoto(out: string, photo: string, size: number, x: string, y: string, seconds: number, extra = ''): Promise<string> {
  const file = requireTestdata(photo);
  const filter =
    `color=c=gray:s=${W}x${H}:r=${FPS}:d=${seconds}[bg];[0:v]scale=${size}:${size}[fg];` +
    `[bg][fg]overlay=x='${x}':y='${y}':shortest=1${extra},format=yuv420p[v]`;
  return ffmpeg(out, ['-loop', '1', '-i', file, '-filter_complex', filter, '-map', '[v]', '-t', String(seconds), ...(out.endsWith('.y4m') ? y4m : ['-c:v', 'libvpx', '-b:v', '2M'])]);
}

/** Scenes the recorded landmark fixtures come from (see record-landmarks.ts). */
export const RECORDING_SCENES = {
  /** The shared swipe clip as it is. */
  'swipe-victory': async () => ffmpeg(path.join(SCENE_DIR, 'rec-swipe-victory.webm'), ['-i', requireTestdata(SWIPE_WEBM), '-c', 'copy']),
  /** A pointing hand wandering over the screen, never pinching, never pausing. */
  'wander-pointing': () => movingPhoto(path.join(SCENE_DIR, 'rec-wander-pointing.webm'), PHOTOS.pointingUp, 440, '100+120*sin(2*PI*t/3.5)', '20+50*sin(2*PI*t/2.3+1)', 6),
  /** A victory hand held still in front of a slightly noisy sensor: jitter and nothing else. */
  'still-victory': () => movingPhoto(path.join(SCENE_DIR, 'rec-still-victory.webm'), PHOTOS.victory, 440, '100', '20', 4, ',noise=alls=6:allf=t'),
  /** The same hand in a dim, noisy shop window at night. */
  'still-victory-dim': () =>
    movingPhoto(path.join(SCENE_DIR, 'rec-still-victory-dim.webm'), PHOTOS.victory, 440, '100', '20', 4, ',eq=brightness=-0.3:contrast=0.6,noise=alls=30:allf=t'),
  /** A victory hand waving (2 Hz, ±45 px) after a second of holding still. */
  'wave-victory': () => movingPhoto(path.join(SCENE_DIR, 'rec-wave-victory.webm'), PHOTOS.victory, 440, '100+if(gt(t,1),45*sin(2*PI*2*(t-1)),0)', '20', 4),
} as const;
export type RecordingScene = keyof typeof RECORDING_SCENES;

/**
 * A pointing hand wandering slowly over the picture (a shopper moving the cursor: no
 * pause to dwell, no sweep to swipe), on a path that closes after 6 s so Chromium's
 * looping of the file does not make the hand jump. Keeps the gesture pipeline busy.
 */
export function wanderingHandCamera(): Promise<string> {
  const filter =
    'color=c=gray:s=640x480:r=30:d=6[bg];[0:v]scale=440:440[fg];' +
    "[bg][fg]overlay=x='100+120*sin(2*PI*t/6)':y='20+40*sin(2*PI*t/3+1)':shortest=1,format=yuv420p[v]";
  return ffmpeg(path.join(SCENE_DIR, 'bench-wander-pointing-6s.y4m'), ['-loop', '1', '-i', requireTestdata(PHOTOS.pointingUp), '-filter_complex', filter, '-map', '[v]', '-t', '6', ...y4m]);
}

