// `npm run bench:gesture`: the touchless-control pipeline in the built kiosk, in
// headless Chromium with a fake camera (ffmpeg-made scenes from the shared test data):
//   - hand-model inference per analysed frame (median/p90), hand in view and empty scene;
//   - frame-to-cursor latency: a frame reaching the worker → the cursor moved on screen
//     (inference + recogniser + pointer events + Vue patch; camera capture not included);
//   - UI-thread time per analysed frame spent on gestures (target ≤ 4 ms);
//   - the frame rate of a pixi.js scene standing in for a game, gestures off vs on
//     (target: at most 10% lower with gestures on).
// Prints figures against their targets and the machine; never fails on a number.
//
// Needs a renderer built with the hand model: `npm run build:hand-model` then
// `npx vite build --config renderer/vite.config.ts --outDir <dir>`; KIOSK_E2E_RENDERER=<dir>
// picks it (default dist/renderer). Headless Chromium here has no GPU: the model runs
// on the CPU delegate and pixi draws with SwiftShader, so kiosk hardware does better.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { gestureFixturePack } from '../support/gesture/gesture-fixture-pack.ts';
import { blankCamera, PHOTOS, stillCamera } from '../support/gesture/scenes.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { printMachine, report } from './machine.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const rendererDir = process.env.KIOSK_E2E_RENDERER ?? path.join(repo, 'dist', 'renderer');
const MEASURE_MS = Number(process.env.GESTURE_BENCH_MS ?? 10_000);
const SPRITES = Number(process.env.GESTURE_BENCH_SPRITES ?? 300);
/** Off/on pairs, interleaved so drifting background load hits both alike. */
const ROUNDS = Number(process.env.GESTURE_BENCH_ROUNDS ?? 2);

interface GestureStats {
  frames: number;
  handFrames: number;
  inferenceMedianMs: number;
  inferenceP90Ms: number;
  mainThreadMedianMs: number;
  mainThreadP90Ms: number;
  latencyMedianMs: number;
  latencyP90Ms: number;
}

interface Run {
  stats: GestureStats | null;
  fps: { fps: number; longFrames: number; frames: number } | null;
  delegate: string | null;
}

async function waitForEvent(page: Page, type: string, match: Record<string, unknown>, timeout = 60_000): Promise<Record<string, unknown>> {
  const handle = await page.waitForFunction(
    ({ type, match }) => window.__kioskTest?.events.find((e) => e.type === type && Object.entries(match).every(([k, v]) => e.detail[k] === v))?.detail ?? null,
    { type, match },
    { timeout },
  );
  return (await handle.jsonValue()) as Record<string, unknown>;
}

const lastStats = (page: Page) => page.evaluate(() => (window.__kioskTest!.events.filter((e) => e.type === 'gesture-stats').at(-1)?.detail ?? null) as unknown) as Promise<GestureStats | null>;

async function run(camera: string, options: { gestures: boolean; game: boolean; waitForHand: boolean }, sceneScript: string): Promise<Run> {
  const server = await startKioskWebServer({ rendererDir, packDir: await gestureFixturePack(), config: { gestures: { enabled: options.gestures } } });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForEvent(page, 'app-ready', {});
    let delegate: string | null = null;
    if (options.gestures) {
      const ready = await Promise.race([waitForEvent(page, 'gesture-engine', { state: 'ready' }), waitForEvent(page, 'gesture-engine', { state: 'failed' })]);
      if (ready.state !== 'ready') throw new Error(`the hand model did not start: ${String(ready.problem)}`);
      delegate = String(ready.delegate);
      if (options.waitForHand) await waitForEvent(page, 'hand-presence', { present: true });
    }
    let fps: Run['fps'] = null;
    if (options.game) {
      await page.addScriptTag({ content: sceneScript });
      await page.evaluate((n) => window.__gestureScene!.start(n), SPRITES);
      await page.evaluate(() => window.__gestureScene!.fps(2000)); // warm up
      fps = await page.evaluate((ms) => window.__gestureScene!.fps(ms), MEASURE_MS);
    } else {
      await page.waitForTimeout(MEASURE_MS);
    }
    // One more stats report after the measuring window.
    const seq = await page.evaluate(() => window.__kioskTest!.events.at(-1)?.seq ?? 0);
    if (options.gestures) await page.waitForFunction((after) => window.__kioskTest!.events.some((e) => e.type === 'gesture-stats' && e.seq > after), seq, { timeout: 10_000 });
    return { stats: options.gestures ? await lastStats(page) : null, fps, delegate };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function bundleScene(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gesture-bench-'));
  try {
    const outfile = path.join(dir, 'scene.js');
    await build({ entryPoints: [path.join(repo, 'test/bench/gesture-scene.browser.ts')], bundle: true, format: 'iife', outfile, logLevel: 'warning' });
    return await readFile(outfile, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ms = (v: number | undefined | null) => (v === undefined || v === null ? 'n/a' : `${v.toFixed(1)} ms`);

async function main(): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'generated', 'hand_landmarker.task'))) {
    throw new Error(`${rendererDir} has no generated/hand_landmarker.task: run npm run build:hand-model, then build the renderer (KIOSK_E2E_RENDERER picks its folder).`);
  }
  printMachine();
  console.log('(the machine may be shared: figures from a quiet kiosk are the ones that count)');
  const [hand, blank, scene] = await Promise.all([stillCamera(PHOTOS.victory, 4), blankCamera(), bundleScene()]);

  console.log(`\nHand in view, nothing else running (${MEASURE_MS / 1000} s):`);
  const idle = await run(hand, { gestures: true, game: false, waitForHand: true }, scene);
  const s = idle.stats!;
  console.log(`  delegate ${idle.delegate}; ${s.frames} frames analysed, ${s.handFrames} with a hand`);
  console.log(`  inference per frame: median ${ms(s.inferenceMedianMs)}, p90 ${ms(s.inferenceP90Ms)}`);
  console.log(`  frame → cursor moved: median ${ms(s.latencyMedianMs)}, p90 ${ms(s.latencyP90Ms)}`);
  console.log(`  UI thread per frame: median ${ms(s.mainThreadMedianMs)}, p90 ${ms(s.mainThreadP90Ms)}`);

  console.log('\nEmpty scene (the palm detector runs on every frame):');
  const empty = (await run(blank, { gestures: true, game: false, waitForHand: false }, scene)).stats!;
  console.log(`  ${empty.frames} frames analysed, ${empty.handFrames} with a hand; inference median ${ms(empty.inferenceMedianMs)}, p90 ${ms(empty.inferenceP90Ms)}`);

  console.log(`\nA pixi.js scene (${SPRITES} moving sprites, full screen 1080x1920), gestures off and on (hand in view), ${ROUNDS} rounds:`);
  const offs: number[] = [];
  const ons: number[] = [];
  let on: Run | null = null;
  for (let i = 0; i < ROUNDS; i++) {
    const off = (await run(hand, { gestures: false, game: true, waitForHand: false }, scene)).fps!;
    on = await run(hand, { gestures: true, game: true, waitForHand: true }, scene);
    offs.push(off.fps);
    ons.push(on.fps!.fps);
    console.log(`  round ${i + 1}: off ${off.fps.toFixed(1)} fps (${off.longFrames} frames over 50 ms) · on ${on.fps!.fps.toFixed(1)} fps (${on.fps!.longFrames} over 50 ms, ${on.stats!.frames} hand frames analysed)`);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const offFps = mean(offs);
  const onFps = mean(ons);
  console.log(`  mean: off ${offFps.toFixed(1)} fps, on ${onFps.toFixed(1)} fps`);
  console.log(`  while the game ran (last round): inference median ${ms(on!.stats!.inferenceMedianMs)}, UI thread per frame median ${ms(on!.stats!.mainThreadMedianMs)}, p90 ${ms(on!.stats!.mainThreadP90Ms)}, frame → cursor p90 ${ms(on!.stats!.latencyP90Ms)}`);

  console.log('');
  report('hand-model inference per frame, median (CPU)', s.inferenceMedianMs, 'ms', { max: 40 });
  report('UI thread per analysed frame, p90 (hand in view, game running)', on!.stats!.mainThreadP90Ms, 'ms', { max: 4 });
  report('game frame rate drop with gestures on (mean of rounds)', Math.max(0, (100 * (offFps - onFps)) / offFps), '%', { max: 10 });
  console.log('(inference has no target in the issue; 40 ms is the README figure for this model on a 2-core CPU)');
}

await main();
