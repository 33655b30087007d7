// The catch game on the bare games page (test/bench/games-page.browser.ts), where its
// falling items come from a fixed seed: the same items fall for every player, so a
// player who follows the fruit and one who stands still can be compared fairly.
import type { Page } from '@playwright/test';
import { startGamesPage, type GamesPageServer } from '../bench/games-harness.ts';
import { expect, test } from './fixtures.ts';
import { chaseFruit } from './games-players.ts';

/** Long enough for a handful of fruit to reach a basket that never moves. */
const PLAY_MS = 12_000;

let server: GamesPageServer;
test.beforeAll(async () => {
  server = await startGamesPage();
});
test.afterAll(async () => {
  await server?.close();
});

async function play(page: Page, player: 'still' | 'chasing') {
  await page.evaluate((ms) => window.__games!.play('catch', ms), PLAY_MS);
  const canvas = await page.locator('canvas').boundingBox();
  if (!canvas) throw new Error('the game is not on screen');
  const over = async () => page.evaluate(() => window.__games!.played() !== null);
  if (player === 'chasing') await chaseFruit(page, canvas, over);
  const result = await page.waitForFunction(() => window.__games!.played(), null, { timeout: PLAY_MS + 30_000 });
  await page.evaluate(() => window.__games!.stop());
  return (await result.jsonValue())!;
}

test('catch: with the same falling fruit, a player who follows it scores more than one who stands still', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(server.url);
  const started = await page.waitForFunction(() => (window.__games ? 'ok' : window.__gamesError ?? null), null, { timeout: 60_000 });
  expect(await started.jsonValue()).toBe('ok');

  const still = await play(page, 'still');
  const chasing = await play(page, 'chasing');
  test.info().annotations.push({ type: 'scores', description: `standing still ${JSON.stringify(still.stats)} score ${still.score}; chasing ${JSON.stringify(chasing.stats)} score ${chasing.score}` });
  // The same seed drops the same fruit: the basket in the middle catches a few by luck.
  expect(still.stats.caught).toBeGreaterThan(0);
  expect(chasing.score).toBeGreaterThan(still.score);
  expect(chasing.stats.caught).toBeGreaterThan(still.stats.caught! + 2);
  expect(errors).toEqual([]);
});
