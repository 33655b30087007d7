// A short attract video made from the slides with ffmpeg, when ffmpeg is installed:
// each slide holds for a few seconds and cross-fades into the next.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

export async function hasFfmpeg(): Promise<boolean> {
  return run('ffmpeg', ['-hide_banner', '-version']).then(
    () => true,
    () => false,
  );
}

const HOLD = 3;
const FADE = 0.6;

/** Renders `slides` (image files) into an H.264 MP4 at `out`, 1280×720 (or the size given: 720×1280 for a portrait screen). */
export async function makeAttractVideo(slides: readonly string[], out: string, size: { width: number; height: number } = { width: 1280, height: 720 }): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'kiosk-demo-video-'));
  try {
    const frames: string[] = [];
    for (const [i, slide] of slides.entries()) {
      const frame = path.join(temp, `slide-${i}.png`);
      await writeFile(frame, await sharp(slide).resize(size.width, size.height).png().toBuffer());
      frames.push(frame);
    }
    const inputs = frames.flatMap((f) => ['-loop', '1', '-t', String(HOLD + FADE), '-i', f]);
    let chain = '';
    let last = '[0:v]';
    for (let i = 1; i < frames.length; i++) {
      const label = `[v${i}]`;
      chain += `${last}[${i}:v]xfade=transition=fade:duration=${FADE}:offset=${(i * HOLD).toFixed(2)}${label};`;
      last = label;
    }
    const filter = `${chain}${last}format=yuv420p[out]`;
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...inputs, '-filter_complex', filter, '-map', '[out]', '-r', '25', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-movflags', '+faststart', '-an', out]);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
