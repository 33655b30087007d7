// Shared end-to-end fixtures: a kiosk web server per test (with that test's settings)
// and waiting on the app's own events instead of sleeping.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startHubRig, type HubRig } from '../support/hub-rig.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { lastEventSeq, waitForAppEvent } from '../support/app-events.ts';

export { appEventNames, appEvents, gameFinished, lastEventSeq, waitForAppEvent } from '../support/app-events.ts';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const rendererDir = process.env.KIOSK_E2E_RENDERER ?? path.join(repo, 'dist', 'renderer');
export const demoPackDir = process.env.KIOSK_E2E_PACK ?? path.join(repo, 'dist', 'packs', 'demo');

/** The two ways a kiosk screen is mounted: portrait 1080x1920 and landscape 1920x1080. */
export const ORIENTATIONS = [
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
] as const;

export interface KioskOptions {
  config: Record<string, unknown> | undefined;
  packDir: string;
}

export const test = base.extend<KioskOptions & { kiosk: KioskWebServer; strayWindows: void }>({
  config: [undefined, { option: true }],
  packDir: [demoPackDir, { option: true }],
  /**
   * Windows a test opened itself (browser.newPage, browser.newContext) close with it. Left
   * open, a kiosk page goes on playing its attract loop in the worker's browser for every
   * test after it, and on two cores a game in a later test ran too slowly to finish.
   */
  strayWindows: [
    async ({ browser, context }, use) => {
      await use();
      await Promise.all(browser.contexts().filter((c) => c !== context).map((c) => c.close().catch(() => undefined)));
    },
    { auto: true },
  ],
  kiosk: async ({ config, packDir }, use) => {
    const server = await startKioskWebServer({ rendererDir, packDir, config });
    await use(server);
    await server.close();
  },
});
export { expect };

/**
 * The kiosk as above, reporting to this test's own hub (test/support/hub-rig.ts): it
 * enrols with the hub's enrolment token by itself and uploads its engagement events there.
 */
export const testWithHub = test.extend<{ hub: HubRig }>({
  hub: async ({}, use) => {
    const hub = await startHubRig();
    await use(hub);
    await hub.close();
  },
  kiosk: async ({ config, packDir, hub }, use) => {
    const server = await startKioskWebServer({
      rendererDir,
      packDir,
      config: { ...config, hub: hub.kioskHub },
      connectOrigins: hub.connectOrigins,
    });
    await use(server);
    await server.close();
  },
});

/** The properties of the events of one name the hub stored, oldest first (by device, then seq). */
export async function storedEvents(hub: HubRig, event: string): Promise<Record<string, unknown>[]> {
  return (await hub.eventsNamed(event)).map((e) => e.properties);
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

/** Waits until the page has drawn what it shows: fonts and pictures loaded, two frames painted. */
export async function waitForSettledScreen(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Opens the admin panel as an installer does: wakes the kiosk, lets the home screen
 * draw, then taps the top-left corner five times. The wake is its own tap so that a
 * machine slowed by other work cannot stretch the gaps between the five.
 */
export async function openAdminPanel(page: Page): Promise<void> {
  const before = await lastEventSeq(page);
  await page.mouse.click(540, 900);
  await waitForAppEvent(page, 'screen', { screen: 'home' }, before);
  await waitForSettledScreen(page);
  for (let i = 0; i < 5; i++) await page.mouse.click(20, 20);
  await expect(page.getByTestId('admin-panel')).toBeVisible();
}
