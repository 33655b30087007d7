// Shared set-up of the gesture end-to-end tests: a kiosk with touchless control on,
// the gesture fixture pack (three captioned slides), and — per test — a Chromium whose
// fake camera plays a scene made with ffmpeg before it starts (or that has no camera).
// The pack is the demo pack when it has been built, else the fixture pack; tests that
// need the fixture's three steady slides ask for it (`fixturePack: true`).
// The camera is a launch flag, so each test gets its own browser; `page` is its page.
// The kiosk's engagement log uploads to this test's own hub.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { gestureFixturePack } from '../support/gesture/gesture-fixture-pack.ts';
import { MissingTestdata } from '../support/testdata.ts';
import { demoPackDir, testWithHub as base } from './fixtures.ts';

export const GESTURES_ON: Record<string, unknown> = { gestures: { enabled: true, click: 'both', dwellMs: 1200, mirror: true } };

export interface CameraScene {
  /** Makes the .y4m the fake camera plays (null: the browser has no camera at all). */
  make: () => Promise<string | null>;
  /** Camera access granted without asking, as the kiosk's Electron permission handler does. */
  autoAllow: boolean;
}

/** Chromium flags for a fake camera playing `file`. */
export function fakeCameraArgs(file: string | null, autoAllow: boolean): string[] {
  if (!file) return [];
  return ['--use-fake-device-for-media-stream', ...(autoAllow ? ['--use-fake-ui-for-media-stream'] : []), `--use-file-for-fake-video-capture=${file}`];
}

export const test = base.extend<{ scene: CameraScene; fixturePack: boolean; cameraContext: BrowserContext }>({
  config: async ({}, use) => use(GESTURES_ON),
  fixturePack: [false, { option: true }],
  packDir: async ({ fixturePack }, use) => {
    const demoBuilt = existsSync(path.join(demoPackDir, 'manifest.json'));
    await use(fixturePack || !demoBuilt ? await gestureFixturePack() : demoPackDir);
  },
  scene: [{ make: async () => null, autoAllow: true }, { option: true }],
  cameraContext: async ({ scene, playwright }, use, testInfo) => {
    // A scene made from test data this checkout lacks: skip, saying how to get it.
    const file = await scene.make().catch((err: unknown) => {
      if (err instanceof MissingTestdata) testInfo.skip(true, err.message);
      throw err;
    });
    const browser = await playwright.chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeCameraArgs(file, scene.autoAllow)] });
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await use(context);
    await context.close();
    await browser.close();
  },
  page: async ({ cameraContext }, use) => {
    await use(await cameraContext.newPage());
  },
  // Each test has its own browser (above), closed with it: nothing to tidy in the worker's.
  strayWindows: async ({}, use) => use(),
});
export { appEventNames, appEvents, expect, lastEventSeq, openKiosk, storedEvents, waitForAppEvent } from './fixtures.ts';

