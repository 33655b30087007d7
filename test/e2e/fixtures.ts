// Shared end-to-end fixtures: a kiosk web server per test (with that test's settings)
// and waiting on the app's own events instead of sleeping.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const rendererDir = process.env.KIOSK_E2E_RENDERER ?? path.join(repo, 'dist', 'renderer');
export const demoPackDir = process.env.KIOSK_E2E_PACK ?? path.join(repo, 'dist', 'packs', 'demo');

export interface KioskOptions {
  config: Record<string, unknown> | undefined;
  packDir: string;
}

export const test = base.extend<KioskOptions & { kiosk: KioskWebServer }>({
  config: [undefined, { option: true }],
  packDir: [demoPackDir, { option: true }],
  kiosk: async ({ config, packDir }, use) => {
    const server = await startKioskWebServer({ rendererDir, packDir, config });
    await use(server);
    await server.close();
  },
});
export { expect };

/** The seq of the newest app event, to wait for events after it. */
export async function lastEventSeq(page: Page): Promise<number> {
  return page.evaluate(() => window.__kioskTest?.events.at(-1)?.seq ?? 0);
}

/** Waits for an app event of `type` whose detail contains `match`, newer than `after`. */
export async function waitForAppEvent(page: Page, type: string, match: Record<string, unknown> = {}, after = 0, timeout = 15_000) {
  const handle = await page.waitForFunction(
    ({ type, match, after }) =>
      window.__kioskTest?.events.find(
        (e) => e.seq > after && e.type === type && Object.entries(match).every(([k, v]) => e.detail[k] === v),
      ) ?? null,
    { type, match, after },
    { timeout },
  );
  return (await handle.jsonValue()) as { seq: number; type: string; detail: Record<string, unknown>; at: number };
}

/** Opens the kiosk and waits until the attract screen is up. */
export async function openKiosk(page: Page, kiosk: KioskWebServer) {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready');
  return { errors };
}
