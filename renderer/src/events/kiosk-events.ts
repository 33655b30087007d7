// The engagement log as the app uses it: started at boot with the kiosk's identity and
// settings, and fed by the session, the screens and the pack (Session Started, Attract
// Woken, Session Ended, Screen Viewed, Pack Activated).
import { watch } from 'vue';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import type { useScreenStore } from '../navigation/screen-store.ts';
import type { useShownPackStore } from '../pack/shown-pack-store.ts';
import type { useSessionStore } from '../session/session-store.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { startEngagementLog, type EngagementLog } from './engagement-log.ts';
import type { OutboxHealth } from './outbox-health.ts';
import type { Tracker } from './tracker.ts';

export interface KioskEventsDeps {
  host: Pick<KioskApi, 'getDeviceIdentity'>;
  settings: KioskSettings;
  appVersion: string;
  locale: () => string;
  session: ReturnType<typeof useSessionStore>;
  screen: ReturnType<typeof useScreenStore>;
  pack: ReturnType<typeof useShownPackStore>;
}

export interface KioskEvents {
  tracker: Tracker;
  health: () => Promise<OutboxHealth>;
  dispose: () => Promise<void>;
}

function reportError(message: string): void {
  emitAppEvent('events-error', { message });
  console.error(`Engagement log: ${message}`);
}

/** Starts the log; if the outbox cannot be opened, every track() says why instead of the app failing to start. */
export async function startKioskEvents(deps: KioskEventsDeps): Promise<KioskEvents> {
  let log: EngagementLog;
  try {
    log = await startEngagementLog({
      identity: await deps.host.getDeviceIdentity(),
      collector: deps.settings.collector,
      app: { name: 'Shopfront Kiosk', version: deps.appVersion },
      anonymousId: () => deps.session.anonymousId,
      locale: deps.locale,
      pack: () => deps.pack.active,
      onUpload: (r) => emitAppEvent('outbox-upload', { ...r }),
      onError: reportError,
    });
  } catch (err) {
    const message = `the event outbox cannot be opened: ${(err as Error).message}`;
    reportError(message);
    return {
      tracker: { track: () => Promise.reject(new Error(message)) },
      health: () => Promise.reject(new Error(message)),
      dispose: async () => undefined,
    };
  }
  const stop = trackKioskLifecycle(log.tracker, deps);
  emitAppEvent('events-ready', { collector: deps.settings.collector.url ?? null });
  return {
    tracker: log.tracker,
    health: log.health,
    async dispose() {
      stop();
      await log.dispose();
    },
  };
}

/** Turns session, screen and pack changes into events. Returns a function that stops it. */
export function trackKioskLifecycle(tracker: Tracker, deps: Pick<KioskEventsDeps, 'session' | 'screen' | 'pack'>): () => void {
  const { session, screen, pack } = deps;
  const record = (p: Promise<void>) => void p.catch((err: unknown) => reportError((err as Error).message));

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
