// The virtual kiosk in the console: a hub (its own process) keeps the demo pack; a
// signed-in user on its pack page clicks "Preview", and the time runs from that click to
// the attract screen's app-ready event in both frames (portrait and landscape), read
// from the kiosks' own event log (test/support/app-events.ts's events). The first click
// fetches the renderer's code; the next ones find it in the browser's cache, as a
// merchandiser going back and forth does. Target: interactive ≤ 2 s after the click.
//   npm run bench:hub -- preview          (BENCH_PREVIEW_RUNS=5 sets the warm runs)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Frame, type Page } from '@playwright/test';
import { CSRF_HEADER } from '../../../content/schema/hub-api/console/auth.ts';
import { hashPassword } from '../../../hub/server/auth/passwords.ts';
import { openStore } from '../../../hub/store/open-store.ts';
import { createUser } from '../../../hub/store/queries/accounts.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.ts';
import { percentile, report } from '../machine.ts';
import { startHubProcess } from './hub-process.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const DEMO_KPACK = path.join(repo, 'dist', 'packs', 'demo.kpack');
const DEMO_KEY = path.join(repo, 'content', 'demo', 'keys', 'demo-public-key.json');
const RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 5);
const USER = { username: 'bench', password: 'bench password' };

async function uploadDemo(hubUrl: string): Promise<string> {
  const login = await fetch(`${hubUrl}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USER) });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, [CSRF_HEADER]: csrfToken };
  const key = await fetch(`${hubUrl}/api/pack-keys`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: await readFile(DEMO_KEY, 'utf8') });
  if (!key.ok) throw new Error(`trusting the demo key: ${key.status} ${await key.text()}`);
  const res = await fetch(`${hubUrl}/api/packs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: await readFile(DEMO_KPACK) });
  if (!res.ok) throw new Error(`uploading the demo pack: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { pack: { id: string } }).pack.id;
}

/** Epoch ms of the app-ready event in a frame (its performance clock plus its time origin). */
async function readyAt(frame: Frame): Promise<number> {
  const handle = await frame.waitForFunction(
    () => {
      const ready = window.__kioskTest?.events.find((e) => e.type === 'app-ready');
      return ready ? performance.timeOrigin + ready.at : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function frameOf(page: Page, orientation: 'portrait' | 'landscape'): Promise<Frame> {
  const handle = await page.getByTestId(`preview-frame-${orientation}`).elementHandle({ timeout: 10_000 });
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no ${orientation} preview`);
  return frame;
}

/** Clicks Preview on the pack page; ms from the click to both kiosks' app-ready. */
async function timeOneClick(page: Page): Promise<number> {
  await page.getByTestId('pack-view-diff').click();
  await page.getByTestId('pack-diff').waitFor();
  await page.evaluate(() => {
    document.querySelector('[data-testid="pack-view-preview"]')?.addEventListener('click', () => ((window as unknown as { clickedAt: number }).clickedAt = performance.timeOrigin + performance.now()), { once: true, capture: true });
  });
  await page.getByTestId('pack-view-preview').click();
  const clickedAt = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
  const ready = await Promise.all([frameOf(page, 'portrait').then(readyAt), frameOf(page, 'landscape').then(readyAt)]);
  return Math.max(...ready) - clickedAt;
}

export async function previewBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-preview-'));
  try {
    const store = await openStore({ dataDir: dir });
    await createUser(store, { username: USER.username, passwordHash: await hashPassword(USER.password), role: 'admin', storeIds: null, now: Date.now() });
    await store.close();
    const hub = await startHubProcess({ HUB_DATA_DIR: dir });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const uploadId = await uploadDemo(hub.url);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${hub.url}/console/login`);
      await page.getByTestId('login-username').fill(USER.username);
      await page.getByTestId('login-password').fill(USER.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('menu').waitFor();
      await page.goto(`${hub.url}/console/packs/${uploadId}?view=diff`);
      await page.getByTestId('pack-diff').waitFor();

      const cold = await timeOneClick(page);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await timeOneClick(page));
      warm.sort((a, b) => a - b);
      console.log(`preview: first click ${Math.round(cold)} ms (the renderer's code fetched); then ${RUNS} clicks: p50 ${Math.round(percentile(warm, 50))} ms, max ${Math.round(warm.at(-1)!)} ms — both kiosks (1080×1920 and 1920×1080) to app-ready`);
      report('preview interactive after the first click', Math.round(cold), 'ms', { max: 2000 });
      report(`preview interactive after a click, p50 of ${RUNS}`, Math.round(percentile(warm, 50)), 'ms', { max: 2000 });
    } finally {
      await browser.close();
      await hub.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
