// `npm run soak -- --minutes N [--warmup M] [--snapshots]`: proof that the kiosk survives months of
// shoppers without a slow leak. Builds what it needs, serves the built renderer with a
// pack where every game pays out (soak-pack.ts) and a hub that takes its events, opens it
// in Chromium (portrait 1080x1920, gestures on, a fake camera where a hand waves every
// 25 s) and repeats one shopper after another (shopper-loop.ts) for N minutes. After
// each shopper, once a minute has passed since the last sample, it samples the page on
// the attract loop (sample.ts). At the end it prints the samples, each figure's trend (a
// least-squares line: change per hour and over the run) and the verdict against the
// targets — after the warm-up, JS heap and DOM growth ≤ 5 % over the run and no fps
// decay — with the machine it ran on. The heap target is judged without V8's compiled
// code (a heap snapshot per sample splits it off; the total is printed beside): V8
// keeps compiling more of the app for hours, and that growth is bounded by the app's
// code, not by its shoppers. The fps is the catch game's frames drawn per second, so a
// late frame counts for as long as it lasted, and its 95th percentile frame time. A benchmark: it never fails on a number (exit 0),
// only when the kiosk gets stuck (exit 1, saying where).
//
// The heap is the page's (the main thread); the hand model runs in a worker whose memory
// shows in the browser's RSS, printed beside it. The RSS includes what DevTools keeps of
// the page's network traffic while Playwright drives it, which a kiosk does not have. Headless Chromium draws with SwiftShader
// on the CPU, so the fps is this machine's, for its trend only. `--snapshots` also writes
// heap snapshots after the warm-up and at the end and prints what grew (heap-snapshot.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { waitForAppEvent } from '../../support/app-events.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';
import { startHubRig } from '../../support/hub-rig.ts';
import { startKioskWebServer } from '../../support/kiosk-web-server.ts';
import { scannableProduct } from '../../support/pack-products.ts';
import { MissingTestdata } from '../../support/testdata.ts';
import { ensureBuilt } from '../ensure-built.ts';
import { describeMachine, printMachine } from '../machine.ts';
import { summariseSnapshot, topGrowth, writeHeapSnapshot } from './heap-snapshot.ts';
import { shopperLoop, type LoopResult } from './shopper-loop.ts';
import { takeSample, type Sample } from './sample.ts';
import { writeSoakPack } from './soak-pack.ts';
import { defaultWarmup, frameStats, judge } from './trend.ts';
import { waveCamera } from './wave-camera.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, warmup: { type: 'string' }, snapshots: { type: 'boolean' } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a number of minutes, not ${values.minutes}`);
const warmup = values.warmup === undefined ? defaultWarmup(minutes) : Number(values.warmup);

console.log(`soak: ${minutes} min, warm-up ${warmup} min`);
printMachine();
ensureBuilt(['assets', 'renderer']);
const rendererDir = process.env.KIOSK_E2E_RENDERER ?? path.join(repo, 'dist', 'renderer');

let camera: string;
try {
  camera = await waveCamera();
} catch (err) {
  if (!(err instanceof MissingTestdata)) throw err;
  console.log(`soak: the waving hand ${err.message}`);
  process.exit(1);
}

const work = await mkdtemp(path.join(os.tmpdir(), 'kiosk-soak-'));
const pack = await writeSoakPack(path.join(repo, 'dist', 'packs', 'demo'), path.join(work, 'pack'));
const product = await scannableProduct(pack.dir);
const hub = await startHubRig();
const kiosk = await startKioskWebServer({
  rendererDir,
  packDir: pack.dir,
  config: {
    hub: hub.kioskHub,
    // "Still there?" shows after 10 s without a touch: on a loaded machine the game's
    // start countdown plus a slow click could meet it (the click then answers it instead
    // of spinning the wheel), and the wheel's spin outlasts 5 quiet seconds. The hand's
    // 22 quiet seconds between waves still end a session.
    idle: { timeoutSec: 15, warningSec: 5 },
    // Pinch only: a hand held up must not dwell-click what the soak did not ask for.
    gestures: { enabled: true, click: 'pinch', mirror: true },
  },
  connectOrigins: hub.connectOrigins,
});
const marker = `--soak-run=${process.pid}-${Date.now()}`;
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_ARGS, marker, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
});

const samples: Sample[] = [];
const loops: LoopResult[] = [];
const errors: string[] = [];
const snapshotFiles: string[] = [];
const t0 = Date.now();
const minute = () => (Date.now() - t0) / 60_000;
let stuck: Error | null = null;
try {
  const page = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 })).newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // MediaPipe logs its start-up through console.error ('INFO: Created TensorFlow Lite XNNPACK delegate').
    if (msg.type() === 'error' && !/Failed to load resource|^INFO: /.test(msg.text())) errors.push(msg.text());
  });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready', {}, 0, 60_000);
  await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 120_000);

  let since = 0;
  const sample = async () => {
    const recent = loops.slice(since);
    since = loops.length;
    const frames = frameStats(recent.flatMap((l) => l.catchFrames));
    const s: Sample = {
      ...(await takeSample(page, cdp, minute(), marker)),
      fps: frames ? Math.round(frames.fps * 10) / 10 : null,
      frameP95Ms: frames ? Math.round(frames.p95Ms * 10) / 10 : null,
      catchHandPct: handShare(recent),
      loops: loops.length,
      coupons: loops.reduce((n, l) => n + l.coupons, 0),
    };
    samples.push(s);
    printRow(s);
    if (values.snapshots && (snapshotFiles.length === 0 ? s.minute >= warmup : minute() >= minutes)) {
      const file = path.join(os.tmpdir(), `kiosk-soak-${process.pid}-${snapshotFiles.length === 0 ? 'after-warmup' : 'end'}.heapsnapshot`);
      await writeHeapSnapshot(cdp, file);
      snapshotFiles.push(file);
    }
  };
  printHeader();
  await sample();
  while (minute() < minutes) {
    try {
      loops.push(await shopperLoop(page, pack, product.ean13));
    } catch (err) {
      stuck = new Error(`the kiosk got stuck in shopper ${loops.length + 1} (minute ${minute().toFixed(1)}) ${(err as Error).message}`);
      // The gesture pipeline's figures come every 2 s and would fill the list.
      const recent = await page.evaluate(() => window.__kioskTest!.events.filter((e) => e.type !== 'gesture-stats').slice(-25).map((e) => `${(e.at / 1000).toFixed(1)} s ${e.type} ${JSON.stringify(e.detail)}`)).catch(() => []);
      console.log(`\nthe kiosk's last app events:\n  ${recent.join('\n  ')}`);
      await page.screenshot({ path: path.join(os.tmpdir(), `kiosk-soak-stuck-${process.pid}.png`) }).catch(() => undefined);
      break;
    }
    if (minute() - samples.at(-1)!.minute >= 1 || minute() >= minutes) await sample();
  }
} finally {
  await browser.close();
  await kiosk.close();
  await hub.close();
  await rm(work, { recursive: true, force: true });
}

report();
if (snapshotFiles.length === 2) {
  console.log(`\nwhat grew in the heap between ${snapshotFiles[0]} and ${snapshotFiles[1]} (open them in DevTools → Memory for retainers):`);
  for (const line of topGrowth(await summariseSnapshot(snapshotFiles[0]!), await summariseSnapshot(snapshotFiles[1]!))) console.log(line);
}
if (stuck) {
  console.log(`\nSTUCK: ${stuck.message} (screenshot in ${os.tmpdir()})`);
  process.exit(1);
}

/** How much of the catch games' camera frames had a hand in them: the hand model then does more work beside the game. */
function handShare(recent: readonly LoopResult[]): number | null {
  const frames = recent.reduce((n, l) => n + l.catchHand.frames, 0);
  return frames ? Math.round((recent.reduce((n, l) => n + l.catchHand.handFrames, 0) / frames) * 100) : null;
}

function printHeader(): void {
  console.log('\n  min   heap MiB  objects  code  DOM nodes  listeners  docs  pixi GPU/tex/shared  outbox  outbox KiB  storage KiB  browser RSS MiB   fps  p95 ms  hand %  shoppers  coupons');
}

function printRow(s: Sample): void {
  const cell = (v: number | null, w: number) => String(v ?? '–').padStart(w);
  console.log(
    `${cell(s.minute, 5)}  ${cell(s.heapMiB, 9)}  ${cell(s.heapObjectsMiB, 7)}  ${cell(s.codeMiB, 4)}  ${cell(s.domNodes, 9)}  ${cell(s.listeners, 9)}  ${cell(s.documents, 4)}  ${`${s.pixiGpuRecords ?? '–'}/${s.pixiTextures ?? '–'}/${s.pixiSharedListeners ?? '–'}`.padStart(19)}  ${cell(s.outboxQueued, 6)}  ${cell(s.outboxKiB, 10)}  ${cell(s.storageKiB, 11)}  ${cell(s.browserRssMiB, 15)}  ${cell(s.fps, 4)}  ${cell(s.frameP95Ms, 6)}  ${cell(s.catchHandPct, 6)}  ${cell(s.loops, 8)}  ${cell(s.coupons, 7)}`,
  );
}

function report(): void {
  const after = samples.filter((s) => s.minute >= warmup);
  const shoppers = loops.length;
  const meanLoop = shoppers ? loops.reduce((n, l) => n + l.ms, 0) / shoppers / 1000 : NaN;
  console.log(`\n${shoppers} shoppers in ${minute().toFixed(1)} min (${meanLoop.toFixed(0)} s each), ${loops.reduce((n, l) => n + l.coupons, 0)} coupons, ${loops.reduce((n, l) => n + l.noPrize, 0)} games without one, ${loops.filter((l) => l.waved).length} waves seen; page errors: ${errors.length}`);
  for (const e of errors.slice(0, 5)) console.log(`  page error: ${e}`);
  console.log(`trend over the ${after.length} samples after the ${warmup}-minute warm-up (least-squares line):`);
  const fmt = (n: number | null, digits = 2) => (n === null || !Number.isFinite(n) ? '–' : `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`);
  const figures: [keyof Sample, string][] = [
    ['heapMiB', 'JS heap after GC, in all'],
    ['codeMiB', "V8's compiled code MiB"],
    ['frameP95Ms', 'catch game p95 frame ms'],
    ['pixiGpuRecords', 'pixi GPU records'],
    ['pixiSharedListeners', "listeners on pixi's shared textures"],
    ['outboxQueued', 'outbox queue'],
    ['storageKiB', 'storage KiB'],
    ['browserRssMiB', 'browser RSS MiB'],
  ];
  const rows = samples as unknown as Record<string, number | null>[];
  for (const v of judge(rows, warmup)) {
    const goal = v.target.maxGrowthPct !== undefined ? `≤ +${v.target.maxGrowthPct} %` : `≥ ${v.target.minGrowthPct} %`;
    const ci = v.trend.growthCiPct === null ? '' : ` ± ${v.trend.growthCiPct.toFixed(1)} % at 95 %`;
    console.log(`${v.ok ? 'MEETS ' : 'MISSES'}  ${v.target.label}: ${fmt(v.trend.start)} → ${fmt(v.trend.end)} (${fmt(v.trend.growthPct, 1)} %${ci} over the run, ${fmt(v.trend.slopePerHour)} per hour; target ${goal})`);
  }
  for (const v of judge(rows, warmup, figures.map(([figure, label]) => ({ figure, label })))) {
    console.log(`        ${v.target.label}: ${fmt(v.trend.start)} → ${fmt(v.trend.end)} (${fmt(v.trend.growthPct, 1)} %, ${fmt(v.trend.slopePerHour)} per hour; reported, no target)`);
  }
  const m = describeMachine();
  console.log(`load average at the end: ${m.loadAverage.join(' / ')} (${m.cores} cores)`);
}
