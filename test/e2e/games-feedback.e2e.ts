// What a shopper feels from each game, in both orientations: a catch pops its score,
// the wheel's pointer stays in sight below the time shown at the top, and a win has its
// moment (light and confetti on the wheel; the scratch card's winning three stand out).
// Screenshots of each moment go to test-results/e2e/screenshots/games/ for a person to
// look at; the pointer is also checked in the pixels.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { fitWorld } from '../../games/engine/fit-world.ts';
import { POINTER_REACH, RIM_REACH, wheelLayout } from '../../games/wheel/wheel-rules.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { expect, gameFinished, lastEventSeq, ORIENTATIONS, rendererDir, test, waitForAppEvent } from './fixtures.ts';
import { FIXTURE_GAMES, writeGamesFixturePack } from './games-fixture.ts';
import { chaseFruit } from './games-players.ts';

let work: string;
let kiosk: KioskWebServer;
test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'games-feedback-e2e-'));
  await writeGamesFixturePack(path.join(work, 'pack'));
  kiosk = await startKioskWebServer({ rendererDir, packDir: path.join(work, 'pack'), config: { idle: { timeoutSec: 120, warningSec: 10 } } });
});
test.afterAll(async () => {
  await kiosk?.close();
  await rm(work, { recursive: true, force: true });
});

/** Opens the kiosk on the games list, starts game `id` and waits out the countdown; returns the stage's box. */
async function startGame(page: Page, id: string) {
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'app-ready');
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-play').click();
  const opened = await lastEventSeq(page);
  await page.getByTestId(`game-${id}`).click();
  await waitForAppEvent(page, 'game-ready', { id }, opened);
  const before = await lastEventSeq(page);
  await page.getByTestId('game-start').click();
  await waitForAppEvent(page, 'game-started', { id }, before);
  const canvas = await page.getByTestId('game-stage').boundingBox();
  if (!canvas) throw new Error('the game is not on screen');
  return canvas;
}


/** Screenshots the page until one shows what `shows` looks for (returned), or `over` says the game ended first (null). */
async function firstFrame(page: Page, shows: (png: Buffer) => Promise<boolean>, over: () => Promise<boolean>): Promise<Buffer | null> {
  for (;;) {
    const frame = await page.screenshot();
    if (await shows(frame)) return frame;
    if (await over()) return null;
  }
}

/** The fixture wheel's primary colour (#ff8a00), which its pointer is filled with. */
const isPointer = (r: number, g: number, b: number) => r > 230 && Math.abs(g - 0x8a) < 30 && b < 60;

for (const [orientation, viewport] of ORIENTATIONS) {
  test.describe(`${orientation} ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });
    test.describe.configure({ timeout: 90_000 });

    const shot = (page: Page, dir: string, name: string) => page.screenshot({ path: path.join(dir, 'screenshots', 'games', `${orientation}-${name}.png`) });

    test('wheel: its pointer is in sight below the time left, and a won spin ends in light and confetti', async ({ page }, info) => {
      const canvas = await startGame(page, FIXTURE_GAMES.wheel);
      const hud = await page.getByTestId('game-hud-time').boundingBox();
      expect(hud, 'the time left shows while the wheel waits').not.toBeNull();
      // Where the pointer's head is drawn, from the game's own layout, and what is seen there.
      const fit = fitWorld({ width: canvas.width, height: canvas.height });
      const layout = wheelLayout(fit.world);
      const head = { x: canvas.x + layout.x * fit.scale - 8, y: canvas.y + (layout.y - (POINTER_REACH - 6) * layout.unit) * fit.scale, width: 16, height: 8 };
      expect(head.y, 'the pointer starts below the time left').toBeGreaterThan(hud!.y + hud!.height);
      const { data, info: raw } = await sharp(await page.screenshot({ clip: head })).raw().toBuffer({ resolveWithObject: true });
      let seen = 0;
      for (let i = 0; i < data.length; i += raw.channels) if (isPointer(data[i]!, data[i + 1]!, data[i + 2]!)) seen++;
      expect(seen / (raw.width * raw.height), 'share of the pointer head seen in its colour').toBeGreaterThan(0.8);
      await shot(page, info.project.outputDir, 'wheel-waiting');

      await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await expect(page.getByTestId('game-hud-time')).toBeHidden({ timeout: 2_000 });
      // The spin, then the result beat: the landed label pops out, and a win lights up
      // around the wheel (rays and confetti where the backdrop showed during the spin).
      const ring = Array.from({ length: 72 }, (_, i) => {
        const a = (i / 72) * Math.PI * 2;
        const r = (RIM_REACH + 50) * layout.unit * fit.scale;
        return { x: canvas.x + layout.x * fit.scale + Math.cos(a) * r, y: canvas.y + layout.y * fit.scale + Math.sin(a) * r };
      }).filter((p) => p.y > canvas.y && p.y < canvas.y + canvas.height);
      const lit = await firstFrame(page, async (png) => {
        const { data, info: raw } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
        const k = raw.width / viewport.width;
        // The backdrop there is the theme's cream (#fff8e1); the light is amber.
        const on = ring.filter((p) => data[(Math.floor(p.y * k) * raw.width + Math.floor(p.x * k)) * raw.channels + 2]! < 180).length;
        return on / ring.length > 0.2;
      }, gameFinished(page, FIXTURE_GAMES.wheel));
      expect(lit, 'the won spin lit up around the wheel before the game ended').not.toBeNull();
      await writeFile(path.join(info.project.outputDir, 'screenshots', 'games', `${orientation}-wheel-win.png`), lit!);
      const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.wheel }, 0, 30_000);
      expect(result.detail).toMatchObject({ outcome: 'coupon' });
    });

    test('scratch card: once scratched open, a win shows its three of a kind', async ({ page }, info) => {
      const canvas = await startGame(page, FIXTURE_GAMES.scratch);
      const hudTime = page.getByTestId('game-hud-time');
      await expect(hudTime).toBeVisible();
      await shot(page, info.project.outputDir, 'scratch-cover');
      await page.mouse.move(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * 0.12);
      await page.mouse.down();
      let half = false;
      for (let row = 0.12; row < 0.95 && (await hudTime.isVisible()); row += 0.05) {
        await page.mouse.move(canvas.x + canvas.width * 0.1, canvas.y + canvas.height * row, { steps: 2 });
        await page.mouse.move(canvas.x + canvas.width * 0.9, canvas.y + canvas.height * row, { steps: 3 });
        // Half-way: the face shows through where the cover was scratched.
        if (!half && row >= 0.4) {
          half = true;
          await shot(page, info.project.outputDir, 'scratch-half');
        }
      }
      await page.mouse.up();
      // The time leaves the screen as the card reveals itself.
      await expect(hudTime).toBeHidden({ timeout: 30_000 });
      await page.waitForTimeout(450);
      await shot(page, info.project.outputDir, 'scratch-win');
      const result = await waitForAppEvent(page, 'game-result', { id: FIXTURE_GAMES.scratch }, 0, 30_000);
      expect(result.detail).toMatchObject({ outcome: 'coupon' });
    });

    test('catch: a caught fruit pops its point over the basket', async ({ page }, info) => {
      const canvas = await startGame(page, FIXTURE_GAMES.catch);
      const score = page.getByTestId('game-hud-score');
      const finished = gameFinished(page, FIXTURE_GAMES.catch);
      const scored = async () => Number((await score.textContent({ timeout: 1_000 }).catch(() => '0'))?.match(/\d+/)?.[0] ?? 0) > 0;
      await chaseFruit(page, canvas, async () => (await scored()) || (await finished()));
      await shot(page, info.project.outputDir, 'catch-pop');
      expect(await finished(), 'a fruit was caught while the game still ran').toBe(false);
    });
  });
}
