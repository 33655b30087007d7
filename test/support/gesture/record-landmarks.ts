// Records the landmark fixtures of the gesture recogniser's unit tests: each scene of
// scenes.ts is cut into 30 fps frames and run through the real HandLandmarker (the
// model built by build:hand-model) in Chromium, and the landmarks — never the pictures
// — are written to renderer/src/gesture/fixtures/<scene>.json.
//
//   npx tsx test/support/gesture/record-landmarks.ts [scene …]
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { buildHandModel } from '../../../build/scripts/hand-model/build-hand-model.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { RECORDING_SCENES, type RecordingScene } from './scenes.ts';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const FPS = 30;
const WASM = path.join(repo, 'node_modules/@mediapipe/tasks-vision/wasm');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.png': 'image/png' };
const contentType = (file: string) => TYPES[path.extname(file)] ?? 'application/octet-stream';

async function main(): Promise<void> {
  const scenes = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RECORDING_SCENES)) as RecordingScene[];
  const work = await mkdtemp(path.join(os.tmpdir(), 'record-landmarks-'));
  const model = await buildHandModel(path.join(work, 'hand_landmarker.task'), { source: 'npm', stampDir: work });
  await build({ entryPoints: [path.join(repo, 'test/support/gesture/recorder-page.ts')], bundle: true, format: 'esm', outfile: path.join(work, 'page.js'), logLevel: 'warning' });
  await writeFile(path.join(work, 'index.html'), '<!doctype html><script type="module" src="/page.js"></script>');
  const files: Record<string, string> = {
    '/index.html': path.join(work, 'index.html'),
    '/page.js': path.join(work, 'page.js'),
    '/model.task': model.outFile,
    '/wasm.js': path.join(WASM, 'vision_wasm_internal.js'),
    '/wasm.wasm': path.join(WASM, 'vision_wasm_internal.wasm'),
  };
  const server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const file = files[p === '/' ? '/index.html' : p] ?? (p.startsWith('/frames/') ? path.join(work, p) : undefined);
    if (!file) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': contentType(file) }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    for (const scene of scenes) {
      const video = await RECORDING_SCENES[scene]();
      const frameDir = path.join(work, 'frames', scene);
      await mkdir(frameDir, { recursive: true });
      await run('ffmpeg', ['-loglevel', 'error', '-i', video, '-vf', `fps=${FPS}`, path.join(frameDir, '%04d.png')]);
      const frames = (await readdir(frameDir)).sort().map((f) => `/frames/${scene}/${f}`);
      const page = await browser.newPage();
      await page.goto(base);
      await page.waitForFunction(() => typeof window.recordLandmarks === 'function');
      const recording = (await page.evaluate((r) => window.recordLandmarks(r), {
        model: '/model.task',
        wasm: { wasmLoaderPath: `${base}/wasm.js`, wasmBinaryPath: `${base}/wasm.wasm` },
        frames,
        fps: FPS,
      })) as { aspect: number; frames: { hands: unknown[] }[] };
      await page.close();
      const out = path.join(repo, 'renderer/src/gesture/fixtures', `${scene}.json`);
      const header = { scene, recordedWith: '@mediapipe/tasks-vision 0.10.35 HandLandmarker (VIDEO, CPU), model from build:hand-model', fps: FPS };
      await writeFile(out, `${JSON.stringify({ ...header, ...recording })}\n`);
      const withHands = recording.frames.filter((f) => f.hands.length > 0).length;
      console.log(`${scene}: ${recording.frames.length} frames, ${withHands} with a hand → ${path.relative(repo, out)}`);
    }
  } finally {
    await browser.close();
    server.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
