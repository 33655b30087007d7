// The test data's one made file that is not a download: mediapipe/media/swipe_victory.webm,
// Google's victory photo sliding across a grey 640x480 scene (grey for 1 s, the hand
// at 480x480 moving left to right at 120 px/s from 1 s to 3 s, grey for 1 s; 30 fps,
// VP8). Its container bytes differ on every encode (the WebM segment id is random), so it
// is checked by what a decoder sees: size, frame rate and length must be these, and the
// decoded frames are compared with the project's copy (the same recipe with Debian 12's
// ffmpeg 5.1 gives the very same frames; another libvpx may differ by a few pixel
// values, which the gesture tests do not notice, so that is reported, not refused).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SWIPE_CLIP = 'mediapipe/media/swipe_victory.webm';
export const SWIPE_CLIP_SOURCE = 'mediapipe/images/google_victory.jpg';
const W = 640;
const H = 480;
const FPS = 30;
const SECONDS = 4;

/** SHA-256 of the project copy's frames decoded as raw yuv420p (`ffmpeg -i clip -f rawvideo -pix_fmt yuv420p -`). */
export const SWIPE_CLIP_FRAMES_SHA256 = 'f464bfd02c0ddd590f411486783f84c0bd1a2d57cd7d2c9f8b9197e3461ed18a';

export interface ClipShape {
  width: number;
  height: number;
  fps: number;
  seconds: number;
}

/** What a decoder sees in `file` (ffprobe). */
export async function probeClip(file: string): Promise<ClipShape> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,r_frame_rate:format=duration', '-of', 'json', file]);
  const info = JSON.parse(stdout) as { streams: { width: number; height: number; r_frame_rate: string }[]; format: { duration: string } };
  const [num, den] = info.streams[0]!.r_frame_rate.split('/').map(Number);
  return { width: info.streams[0]!.width, height: info.streams[0]!.height, fps: num! / (den || 1), seconds: Number(info.format.duration) };
}

export function isSwipeClipShape(shape: ClipShape): boolean {
  return shape.width === W && shape.height === H && shape.fps === FPS && Math.abs(shape.seconds - SECONDS) < 0.1;
}

/** SHA-256 of the clip's frames decoded as raw yuv420p. */
export async function framesSha256(file: string): Promise<string> {
  const { stdout } = await run('ffmpeg', ['-loglevel', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  return createHash('sha256').update(stdout).digest('hex');
}

/**
 * Makes the clip from the photo at `photo` into `out` (written beside, then renamed).
 * Resolves whether its frames are exactly the project copy's.
 */
export async function makeSwipeClip(photo: string, out: string): Promise<{ sameFrames: boolean }> {
  await mkdir(path.dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.part.webm`;
  const filter =
    `color=c=gray:s=${W}x${H}:r=${FPS}:d=${SECONDS}[bg];[0:v]scale=${H}:${H}[fg];` +
    `[bg][fg]overlay=x='-80+120*(t-1)':y=0:enable='between(t,1,3)':shortest=1,format=yuv420p[v]`;
  try {
    await run('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', photo, '-filter_complex', filter, '-map', '[v]', '-t', String(SECONDS), '-c:v', 'libvpx', '-b:v', '1M', '-an', temp]);
  } catch (err) {
    await rm(temp, { force: true });
    throw new Error(`ffmpeg could not make ${SWIPE_CLIP} (is ffmpeg installed? apt-get install -y ffmpeg): ${(err as Error).message}`);
  }
  const shape = await probeClip(temp);
  if (!isSwipeClipShape(shape)) {
    await rm(temp, { force: true });
    throw new Error(`ffmpeg made ${SWIPE_CLIP} as ${JSON.stringify(shape)}, not ${W}x${H} at ${FPS} fps for ${SECONDS} s`);
  }
  const sameFrames = (await framesSha256(temp)) === SWIPE_CLIP_FRAMES_SHA256;
  await rename(temp, out);
  return { sameFrames };
}
