// One shopper at the kiosk, as the soak repeats it: the attract loop → a touch wakes the
// kiosk → a scanner reads a product (keyboard-wedge keys) → its page → the games list →
// each game played to its coupon → nobody touches anything until the kiosk times out
// back to the attract loop → a hand waves in front of the camera there (the swipe pages
// the playlist). Waits on the kiosk's app events, never on sleeps (only the catch game's
// pointer is paced, as a finger moves); what it could not do is counted, not thrown,
// unless the kiosk is stuck.
import type { Page } from '@playwright/test';
import { appEvents, gameFinished, lastEventSeq, waitForAppEvent } from '../../support/app-events.ts';
import { scannerBurst } from '../../support/wedge-keys.ts';
import type { SoakPack } from './soak-pack.ts';

export interface LoopResult {
  coupons: number;
  noPrize: number;
  /** The catch game's frame intervals while it was played, ms (empty if it drew fewer than 10 frames). */
  catchFrames: number[];
  /** Of the camera frames the gesture pipeline analysed while the catch game ran, how many had a hand in them. */
  catchHand: { frames: number; handFrames: number };
  waved: boolean;
  ms: number;
}

type Box = { x: number; y: number; width: number; height: number };


/**
 * Counts animation frames in the page from now until stopFrames(). Sent as source text:
 * tsx names the functions it compiles with a helper the page does not have.
 */
const FRAME_COUNTER = `(() => {
  const run = { intervals: [], running: true };
  window.__soakFrames = run;
  let last = performance.now();
  const tick = (now) => {
    run.intervals.push(now - last);
    last = now;
    if (run.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(FRAME_COUNTER);
}

async function stopFrames(page: Page): Promise<number[]> {
  const intervals = await page.evaluate(() => {
    const run = (window as unknown as { __soakFrames?: { intervals: number[]; running: boolean } }).__soakFrames;
    if (!run) return [];
    run.running = false;
    return run.intervals.slice(1);
  });
  return intervals.length < 10 ? [] : intervals;
}

/** Pointer moves in one side-to-side sweep of the catch game's basket (about 0.6 s). */
const SWEEP_STEPS = 30;

/** Plays a game the way a shopper would, until it ends. */
async function play(page: Page, kind: string, id: string, canvas: Box, after: number): Promise<void> {
  const at = (fx: number, fy: number) => [canvas.x + canvas.width * fx, canvas.y + canvas.height * fy] as const;
  const finished = gameFinished(page, id, after);
  if (kind === 'wheel') {
    await page.mouse.click(...at(0.5, 0.5));
  } else if (kind === 'scratch') {
    await page.mouse.move(...at(0.1, 0.12));
    await page.mouse.down();
    for (let row = 0.12; row < 0.9 && !(await finished()); row += 0.05) {
      await page.mouse.move(...at(0.1, row), { steps: 2 });
      await page.mouse.move(...at(0.9, row), { steps: 3 });
    }
    await page.mouse.up();
  } else {
    // Catch (or a kind added later): sweep the pointer from side to side until time is up,
    // a move every 16 ms as a touch screen reports a finger. Moves sent as fast as they go
    // would flood the page with input, and the fps would measure the flood.
    for (let sweep = 0; !(await finished()); sweep++) {
      for (let step = 0; step <= SWEEP_STEPS; step++) {
        const share = step / SWEEP_STEPS;
        await page.mouse.move(...at(0.1 + 0.8 * (sweep % 2 ? 1 - share : share), 0.8));
        await new Promise((resolve) => setTimeout(resolve, 16));
      }
    }
  }
}

export async function shopperLoop(page: Page, pack: SoakPack, productCode: string): Promise<LoopResult> {
  let step = 'starting';
  try {
    return await oneShopper(page, pack, productCode, (now) => (step = now));
  } catch (err) {
    throw new Error(`${step}: ${(err as Error).message.split('\n')[0]}`);
  }
}

async function oneShopper(page: Page, pack: SoakPack, productCode: string, at: (step: string) => void): Promise<LoopResult> {
  const started = Date.now();
  const result: LoopResult = { coupons: 0, noPrize: 0, catchFrames: [], catchHand: { frames: 0, handFrames: 0 }, waved: false, ms: 0 };

  // Wake: a touch on the attract loop.
  at('waking the kiosk');
  let seq = await lastEventSeq(page);
  await page.getByTestId('attract').click({ position: { x: 540, y: 1500 } });
  await waitForAppEvent(page, 'session-started', {}, seq);

  // Scan a product with the wedge scanner and look at its page.
  at('scanning a product');
  seq = await lastEventSeq(page);
  await scannerBurst(page, `${productCode}\n`);
  await waitForAppEvent(page, 'product-shown', { found: true }, seq);
  await page.getByTestId('product-name').waitFor();
  await page.getByTestId('back').click();

  // Every game, each to its result; the coupon stays until "Done".
  at('opening the games');
  await page.getByTestId('tile-play').click();
  for (const game of pack.games) {
    at(`opening ${game.id}`);
    seq = await lastEventSeq(page);
    await page.getByTestId(`game-${game.id}`).click();
    await waitForAppEvent(page, 'game-ready', { id: game.id }, seq, 30_000);
    at(`starting ${game.id}`);
    await page.getByTestId('game-start').click();
    await waitForAppEvent(page, 'game-started', { id: game.id }, seq, 30_000);
    const canvas = await page.getByTestId('game-stage').boundingBox();
    if (!canvas) throw new Error(`${game.id} is not on screen`);
    at(`playing ${game.id}`);
    if (game.kind === 'catch') await startFrames(page);
    await play(page, game.kind, game.id, canvas, seq);
    if (game.kind === 'catch') {
      result.catchFrames = await stopFrames(page);
      // The stats count frames since the pipeline started: the game's share is the difference.
      const stats = (await appEvents(page, 'gesture-stats')).filter((e) => e.seq <= seq).at(-1)?.detail;
      const now = (await appEvents(page, 'gesture-stats', seq)).at(-1)?.detail;
      if (stats && now) result.catchHand = { frames: now.frames - stats.frames, handFrames: now.handFrames - stats.handFrames };
    }
    at(`waiting for the result of ${game.id}`);
    const outcome = await waitForAppEvent(page, 'game-result', { id: game.id }, seq, 60_000);
    if (outcome.detail.outcome === 'coupon') {
      result.coupons++;
      await page.getByTestId('coupon-qr').waitFor();
    } else result.noPrize++;
    at(`leaving the result of ${game.id}`);
    await page.getByTestId('game-done').click();
    await waitForAppEvent(page, 'screen', { screen: 'games' }, seq);
  }

  // Walk away: the kiosk returns to the attract loop by itself.
  at('waiting for the idle timeout');
  seq = await lastEventSeq(page);
  await waitForAppEvent(page, 'session-ended', { reason: 'idle' }, seq, 180_000);

  // A hand waves at the window: the swipe pages the attract playlist.
  const ended = await lastEventSeq(page);
  result.waved = await waitForAppEvent(page, 'gesture', {}, ended, 60_000).then(
    () => true,
    () => false,
  );
  result.ms = Date.now() - started;
  return result;
}
