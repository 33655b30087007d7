// Which screen the kiosk shows. A kiosk has no address bar, so screens are state, not
// routes; every change is an app event that tests can wait on.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { emitAppEvent } from '../test-hook/app-events.ts';

export type ScreenName = 'attract' | 'home' | 'scan' | 'product' | 'games' | 'game' | 'offers' | 'admin';

export const useScreenStore = defineStore('screen', () => {
  const current = ref<ScreenName>('attract');
  const params = shallowRef<Record<string, string>>({});
  const history: ScreenName[] = [];

  function go(screen: ScreenName, next: Record<string, string> = {}): void {
    if (screen === 'attract' || screen === 'home') history.length = 0;
    else if (current.value !== screen) history.push(current.value);
    current.value = screen;
    params.value = next;
    emitAppEvent('screen', { screen, ...next });
  }

  function back(): void {
    const previous = history.pop() ?? 'home';
    current.value = previous;
    params.value = {};
    emitAppEvent('screen', { screen: previous });
  }

  return { current, params, go, back };
});
