// Cold start: from navigation to the attract screen being interactive (the app-ready
// event, emitted after the first render with its handlers attached), in a fresh
// browser context each time; median of 10. Also the initial JS+CSS the page loads,
// gzipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';
import { ensureBuilt } from './ensure-built.ts';
import { percentile, printMachine, report } from './machine.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const rendererDir = path.join(repo, 'dist', 'renderer');
const packDir = process.env.KIOSK_BENCH_PACK ?? path.join(repo, 'dist', 'packs', 'demo');

function initialBundleGzipBytes(): { js: number; css: number; files: string[] } {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let js = 0;
  let css = 0;
  for (const ref of refs) {
    const size = gzipSync(readFileSync(path.join(rendererDir, ref)), { level: 9 }).length;
    if (ref.endsWith('.js')) js += size;
    else css += size;
  }
  return { js, css, files: refs };
}

printMachine();
ensureBuilt(['assets', 'renderer']);
const server = await startKioskWebServer({ rendererDir, packDir });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const times: number[] = [];
try {
  for (let i = 0; i < 11; i++) {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const readyAt = await page.waitForFunction(() => window.__kioskTest?.events.find((e) => e.type === 'app-ready')?.at ?? null);
    await page.getByTestId('attract').waitFor();
    if (i > 0) times.push((await readyAt.jsonValue()) as number); // the first run warms the OS file cache
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
console.log(`cold start, navigation → attract interactive (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
report('cold start median (10 runs)', percentile(times, 50), 'ms', { max: 2000 });
const bundle = initialBundleGzipBytes();
console.log(`initial bundle: ${bundle.files.join(', ')}`);
report('initial JS (gzip)', Math.round(bundle.js / 1024), 'KiB', { max: 250 });
report('initial CSS (gzip)', Math.round(bundle.css / 1024), 'KiB', { max: 100 });
