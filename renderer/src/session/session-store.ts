// The shopper session: starts when someone wakes the kiosk, ends when they walk away.
// Its anonymous id is random, never stored with anything personal, and dies with it;
// everything per-shopper registers a reset here and is cleared at the end.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useHost } from '../host/host-key.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import type { IdleContext } from './idle-phase.ts';

export type WakeTrigger = 'touch' | 'key' | 'scan' | 'gesture';
export type EndReason = 'idle' | 'admin';

export const useSessionStore = defineStore('session', () => {
  const host = useHost();
  const screen = useScreenStore();
  const anonymousId = ref<string | null>(null);
  const startedAt = ref(0);
  const lastActivityAt = ref(0);
  /** A coupon is on screen: the shopper may be busy with their phone, so the session waits longer (idle-phase.ts). */
  const couponOnScreen = ref(false);
  /** A game is between its start and its result: it ends by its own clock (idle-phase.ts). */
  const gameInPlay = ref(false);
  const idleContext = computed<IdleContext>(() => (couponOnScreen.value ? 'coupon' : gameInPlay.value ? 'playing' : 'browsing'));
  const resets: (() => void)[] = [];
  const startListeners: ((id: string, trigger: WakeTrigger) => void)[] = [];
  const endListeners: ((id: string, reason: EndReason, durationMs: number) => void)[] = [];

  const active = computed(() => anonymousId.value !== null);

  /** Starts a session if none is running. Returns true when this call started it. */
  function wake(trigger: WakeTrigger, goHome = true): boolean {
    markActivity();
    if (anonymousId.value) return false;
    const id = crypto.randomUUID();
    anonymousId.value = id;
    startedAt.value = Date.now();
    void host.setSessionState('active');
    for (const listener of startListeners) listener(id, trigger);
    emitAppEvent('session-started', { trigger });
    if (goHome) screen.go('home');
    return true;
  }

  function markActivity(): void {
    lastActivityAt.value = performance.now();
  }

  function end(reason: EndReason): void {
    const id = anonymousId.value;
    if (!id) return;
    const durationMs = Date.now() - startedAt.value;
    for (const listener of endListeners) listener(id, reason, durationMs);
    for (const reset of resets) reset();
    anonymousId.value = null;
    couponOnScreen.value = false;
    gameInPlay.value = false;
    screen.go('attract');
    void host.setSessionState('idle');
    emitAppEvent('session-ended', { reason, durationMs });
  }

  /**
   * The coupon screen says when a coupon appears and when it goes. Its appearing counts
   * as activity: the shopper's time with it starts then, not at their last tap on the game.
   */
  function showingCoupon(on: boolean): void {
    if (on && anonymousId.value) markActivity();
    couponOnScreen.value = on;
  }

  /**
   * The game screen says when a game loads or plays and when it stops (on screen and
   * waiting for its start, its result, an error, the shopper leaving). Both count as
   * activity: the quiet time after a game counts from its result, not from the tap that
   * spun the wheel, and before a game from its appearing, not from the tap that opened it.
   */
  function playingGame(on: boolean): void {
    if (anonymousId.value) markActivity();
    gameInPlay.value = on && anonymousId.value !== null;
  }

  /** Per-shopper state clears itself through this when the session ends. */
  function onReset(reset: () => void): void {
    resets.push(reset);
  }
  function onStart(listener: (id: string, trigger: WakeTrigger) => void): void {
    startListeners.push(listener);
  }
  function onEnd(listener: (id: string, reason: EndReason, durationMs: number) => void): void {
    endListeners.push(listener);
  }

  return { anonymousId, active, lastActivityAt, couponOnScreen, idleContext, wake, markActivity, showingCoupon, playingGame, end, onReset, onStart, onEnd };
});
