import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useScreenStore } from './screen-store.ts';
import { untilOffScreen } from './until-off-screen.ts';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await nextTick();
  await Promise.resolve();
  return done;
};

describe('waiting for a screen to be left', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('waits while the game is on screen, through to its end', async () => {
    const screen = useScreenStore();
    expect(await settled(untilOffScreen('game', new AbortController().signal))).toBe(true);
    screen.go('games');
    screen.go('game', { id: 'wheel' });
    const waiting = untilOffScreen('game', new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    screen.go('game', { id: 'wheel' }); // the same game again: still playing
    expect(await settled(waiting)).toBe(false);
    screen.back();
    expect(await settled(waiting)).toBe(true);
  });

  it('stops waiting when the work is stopped', async () => {
    useScreenStore().go('game', { id: 'catch' });
    const stop = new AbortController();
    const waiting = untilOffScreen('game', stop.signal);
    expect(await settled(waiting)).toBe(false);
    stop.abort();
    expect(await settled(waiting)).toBe(true);
  });
});
