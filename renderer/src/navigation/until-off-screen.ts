// Waiting for the kiosk to leave a screen: background work that would take a game's
// frames waits until the game is over (or until it is stopped itself).
import { watch } from 'vue';
import { useScreenStore, type ScreenName } from './screen-store.ts';

/** Resolves once `name` is not the screen shown (at once when it is not), or when `signal` aborts. */
export function untilOffScreen(name: ScreenName, signal: AbortSignal): Promise<void> {
  const screen = useScreenStore();
  if (screen.current !== name || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stop();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const stop = watch(
      () => screen.current,
      (now) => {
        if (now !== name) done();
      },
    );
    signal.addEventListener('abort', done, { once: true });
  });
}
