// What the kiosk's shared game renderer holds, read through the test hook's 'pixi' probe.
import type { Page } from '@playwright/test';
import type { StageResources } from '../../games/engine/stage.ts';

export type { StageResources };

/** The shared renderer's resources now; throws before the first game has made the renderer. */
export async function probeStage(page: Page): Promise<StageResources> {
  const resources = (await page.evaluate(() => window.__kioskTest!.probe('pixi'))) as StageResources | null;
  if (!resources) throw new Error('the kiosk has no game renderer yet: no game has run');
  return resources;
}
