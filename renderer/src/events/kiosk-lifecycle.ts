// The events the app records by itself, from its stores: a shopper waking the kiosk
// (Attract Woken, Session Started), walking away (Session Ended), the screens they open
// (Screen Viewed) and every pack shown (Pack Activated). main.ts wires it to the tracker
// of the engagement log.
import { watch } from 'vue';
import type { useScreenStore } from '../navigation/screen-store.ts';
import type { useShownPackStore } from '../pack/shown-pack-store.ts';
import type { useSessionStore } from '../session/session-store.ts';
import { reportEventsError } from './report-events-error.ts';
import type { Tracker } from './tracker.ts';

export interface KioskLifecycleStores {
  session: ReturnType<typeof useSessionStore>;
  screen: ReturnType<typeof useScreenStore>;
  pack: ReturnType<typeof useShownPackStore>;
}

/** Turns session, screen and pack changes into events. Returns a function that stops it. */
export function trackKioskLifecycle(tracker: Tracker, stores: KioskLifecycleStores): () => void {
  const { session, screen, pack } = stores;
  const record = (p: Promise<void>) => void p.catch((err: unknown) => reportEventsError((err as Error).message));

  session.onStart((_id, trigger) => {
    record(tracker.track('Attract Woken', { trigger }));
    record(tracker.track('Session Started', { trigger }));
  });
  session.onEnd((_id, reason, durationMs) => {
    record(tracker.track('Session Ended', { reason, duration_ms: durationMs }));
  });
  const stopScreens = watch(
    () => screen.current,
    (current) => {
      if (current !== 'attract' && session.active) record(tracker.track('Screen Viewed', { screen: current }));
    },
    { flush: 'sync' },
  );
  let previous: { packId: string; version: string } | null = null;
  const stopPacks = watch(
    () => pack.active,
    (active) => {
      if (!active) return;
      record(
        tracker.track('Pack Activated', {
          pack_id: active.packId,
          pack_version: active.version,
          activation: active.activation,
          previous_pack_id: previous?.packId ?? null,
          previous_version: previous?.version ?? null,
        }),
      );
      previous = { packId: active.packId, version: active.version };
    },
    { immediate: true, flush: 'sync' },
  );
  return () => {
    stopScreens();
    stopPacks();
  };
}
