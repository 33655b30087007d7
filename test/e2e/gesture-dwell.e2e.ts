// Holding a hand still in front of the window selects what the cursor rests on: the
// fake camera shows Google's victory photo, steady. After a touch wakes the kiosk, the
// hint explains the gestures, the hand's dwell opens the home tile it rests on —
// exactly once — and the backend stores a "Gesture Used" dwell.
import { PHOTOS, stillCamera } from '../support/gesture/scenes.ts';
import { appEvents, expect, openKiosk, storedEvents, test, waitForAppEvent } from './gesture-kiosk.ts';

test.use({ scene: { make: () => stillCamera(PHOTOS.victory), autoAllow: true } });

const TILE_SCREENS: Record<string, string> = { 'tile-scan': 'scan', 'tile-play': 'games', 'tile-offers': 'offers' };

test('a still hand over a home tile dwells and opens that tile, once', async ({ page, kiosk, hub }) => {
  await openKiosk(page, kiosk);
  await waitForAppEvent(page, 'gesture-engine', { state: 'ready' }, 0, 30_000);
  await waitForAppEvent(page, 'hand-presence', { present: true }, 0, 30_000);
  // Over the attract loop nothing can be pressed: no ring, no wake-up.
  await expect(page.getByTestId('gesture-dwell')).toHaveCount(0);

  const woken = await waitForAppEvent(page, 'gesture-hint', { text: '挥挥手，开始体验' });
  await page.getByTestId('attract').click({ position: { x: 20, y: 1800 } });
  await waitForAppEvent(page, 'session-started', { trigger: 'touch' });
  // The hint changes to how to select (it may already be gone again when the dwell is quick).
  await waitForAppEvent(page, 'gesture-hint', { text: '举起手，捏合手指或停留片刻即可选择' }, woken.seq);

  // The tile under the resting hand opens (the click that opens it comes just before the dwell is reported).
  const dwell = await waitForAppEvent(page, 'gesture', { gesture: 'dwell' }, 0, 20_000);
  const opened = (await appEvents(page, 'screen')).filter((e) => e.seq < dwell.seq).at(-1)!;
  expect(Object.values(TILE_SCREENS)).toContain(opened.detail.screen);
  await expect(page.getByTestId('gesture-hint')).toHaveCount(0);

  // Back home by touch: the tile under the cursor is the one that opened, and the still
  // hand does not open it again.
  await page.getByTestId('home').click();
  await waitForAppEvent(page, 'screen', { screen: 'home' }, opened.seq);
  const tile = await page.getByTestId('gesture-cursor').evaluate((cursor) => {
    const r = cursor.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('[data-testid^="tile-"]')?.getAttribute('data-testid') ?? null;
  });
  expect(TILE_SCREENS[tile ?? '']).toBe(opened.detail.screen);

  await page.waitForFunction((after) => (window.__kioskTest!.events.filter((e) => e.type === 'gesture-stats' && e.seq > after).length >= 2), dwell.seq, { timeout: 15_000 });
  const gestures = (await appEvents(page, 'gesture')).map((e) => e.detail.gesture);
  expect(gestures).toEqual(['dwell']);
  await expect.poll(() => storedEvents(hub, 'Gesture Used'), { timeout: 20_000 }).toEqual([{ gesture: 'dwell' }]);
});
