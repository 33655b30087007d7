// Hand-scanner (keyboard-wedge HID) scan to product page on screen, in Chromium, with
// a 100k-product pack: the time from the Enter that ends the scan until the frame with the
// product page has been painted (and, for reference, from the burst's first key).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CATALOG_INDEX_FILE } from '../../content/schema/layout.ts';
import { waitForAppEvent } from '../support/app-events.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { wanderingHandCamera } from '../support/gesture/scenes.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { generatedGtin, writeScanFixturePack } from '../support/scan-fixture-pack.ts';
import { scannerBurst } from '../support/wedge-keys.ts';
import { ensureBuilt } from './ensure-built.ts';
import { percentile } from './machine.ts';

const WORK = path.join(os.tmpdir(), 'kiosk-scan-bench');
const repo = path.resolve(import.meta.dirname, '../..');

export interface LatencyFigures {
  products: number;
  scans: number;
  /**
   * From the moment the page handles the Enter that ends the scan until the frame with
   * the product page has been painted. (The keys' own time stamps are the harness's, set
   * 4 ms apart ahead of delivery, so they cannot be the start.)
   */
  totalMs: number[];
  /** From the page handling the burst's first key; includes the scanner's own typing time. */
  fromFirstKeyMs: number[];
  lookupMs: number[];
  renderMs: number[];
  firstScanMs: number;
  /** How long the catalogue mirror took to fill after the pack was shown (its start delay not counted). */
  mirrorFillMs: number;
}

async function packWith(products: number, log: (line: string) => void): Promise<string> {
  const dir = path.join(WORK, `pack-${products}`);
  const index = path.join(dir, CATALOG_INDEX_FILE);
  if (existsSync(index) && (JSON.parse(await readFile(index, 'utf8')) as { productCount: number }).productCount >= products) return dir;
  log(`  writing a ${products.toLocaleString('en')}-product pack to ${dir} …`);
  await writeScanFixturePack(dir, { extraProducts: products });
  return dir;
}

/** The built kiosk (with its hand model, which the busy run needs). */
function renderer(log: (line: string) => void): string {
  ensureBuilt(['renderer'], log);
  return process.env.KIOSK_E2E_RENDERER ?? path.join(repo, 'dist', 'renderer');
}

declare global {
  interface Window {
    __scanBench?: Promise<number>;
  }
}

export interface LatencyOptions {
  products?: number;
  scans?: number;
  /**
   * A busy kiosk: touchless control on, with a hand wandering in front of the camera the
   * whole time, so hand tracking runs beside every scan (the heaviest state a kiosk is in
   * when it takes a scan; during a game scans wait).
   */
  busy?: boolean;
  /**
   * The pause before each scan. A shopper takes a second or more to pick up the next item
   * and aim; with none, a scan lands while the last product page is still fading in and
   * its events are being written (reported apart, for reference).
   */
  gapMs?: number;
  log?: (line: string) => void;
}

export async function runLatencyBench(options: LatencyOptions = {}): Promise<LatencyFigures> {
  const log = options.log ?? console.log;
  const products = options.products ?? 100_000;
  const scans = options.scans ?? 60;
  const gapMs = options.gapMs ?? 1000;
  const packDir = await packWith(products, log);
  const server = await startKioskWebServer({
    rendererDir: renderer(log),
    packDir,
    config: { idle: { timeoutSec: 3600, warningSec: 10 }, scanner: { camera: false }, gestures: { enabled: options.busy === true } },
  });
  const camera = options.busy ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${await wanderingHandCamera()}`] : [];
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...camera] });
  const figures: LatencyFigures = { products, scans, totalMs: [], fromFirstKeyMs: [], lookupMs: [], renderMs: [], firstScanMs: NaN, mirrorFillMs: NaN };
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    page.on('crash', () => log('  the page crashed'));
    page.on('pageerror', (err) => log(`  page error: ${err.message}`));
    // Registered before the app's own listener: when the kiosk starts handling the Enter.
    await page.addInitScript(
      `addEventListener('keydown', (e) => { window.__firstKeyAt ??= performance.now(); if (e.code === 'Enter') window.__enterHandledAt = performance.now(); }, true)`,
    );
    await page.goto(server.url);
    await page.waitForFunction(() => window.__kioskTest?.events.some((e) => e.type === 'app-ready'));
    if (options.busy) {
      const engine = await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 60_000);
      await waitForAppEvent(page, 'gesture-stats', {}, 0, 60_000);
      log(`  gestures on (${String(engine.detail.delegate ?? 'delegate unknown')}), a hand in view`);
    }
    // A kiosk up for more than a minute since its pack was shown has the catalogue in its mirror.
    const mirrored = await waitForAppEvent(page, 'catalog-mirrored', {}, 0, 300_000);
    const m = mirrored.detail;
    log(`  catalogue mirror filled: ${m.copied} of ${m.shards} shards copied in ${(m.ms / 1000).toFixed(1)} s${m.skipped ? `, ${m.skipped} skipped` : ''}`);
    figures.mirrorFillMs = m.ms;
    await page.waitForTimeout(1000);
    let seed = 12345;
    const picks = new Set<number>();
    while (picks.size < scans) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      picks.add(seed % products);
    }
    for (const n of picks) {
      await page.waitForTimeout(gapMs);
      const gtin = generatedGtin(n);
      // As text: tsx would wrap a named function in a helper the page does not have. (It
      // ends in undefined so evaluate does not wait for the promise.)
      // The frame's callbacks run before it is painted; a message posted from one is
      // handled once that frame is on screen.
      await page.evaluate(`window.__firstKeyAt = undefined; window.__scanBench = new Promise((resolve) => {
        const on = (event) => {
          const e = event.detail;
          if (e.type !== 'product-shown' || e.detail.gtin !== ${JSON.stringify(gtin)}) return;
          window.removeEventListener('kiosk:app-event', on);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          });
        };
        window.addEventListener('kiosk:app-event', on);
      }); undefined`);
      await scannerBurst(page, `${gtin.slice(1)}\n`);
      let timer: NodeJS.Timeout | undefined;
      const renderedAt = await Promise.race([
        page.evaluate(() => window.__scanBench!),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`product ${gtin} did not show within 10 s`)), 10_000))),
      ]).finally(() => clearTimeout(timer));
      const scan = await page.evaluate(() => window.__kioskTest!.events.filter((e) => e.type === 'scan').at(-1)!);
      const enterAt = (await page.evaluate('window.__enterHandledAt')) as number;
      figures.totalMs.push(renderedAt - enterAt);
      figures.fromFirstKeyMs.push(renderedAt - ((await page.evaluate('window.__firstKeyAt')) as number));
      figures.lookupMs.push(scan.at - enterAt);
      figures.renderMs.push(renderedAt - scan.at);
    }
    figures.firstScanMs = figures.totalMs[0]!;
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

export function latencySummary(ms: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}
