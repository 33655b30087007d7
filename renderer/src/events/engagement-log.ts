// The one way to start the engagement log (the app at boot, the delivery benchmark page):
// the outbox on disk, the tracker, the uploader (to the hub once enrolled, or to the
// collector when one is set), the heartbeat and the drop reports. When the outbox cannot be opened the app still starts, and every
// track() rejects with the reason. What the app records by itself (sessions, screens,
// packs) is wired separately: kiosk-lifecycle.ts.
import type { DeviceIdentity, KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { createTracker, type TrackerSource } from './create-tracker.ts';
import { Outbox } from './outbox.ts';
import { openOutboxDb, OUTBOX_DB_NAME } from './outbox-db.ts';
import { heartbeatProperties, toHealth, type OutboxHealth } from './outbox-health.ts';
import { reportEventsError } from './report-events-error.ts';
import type { Tracker } from './tracker.ts';
import { Uploader, type UploaderOptions, type UploadReport } from './uploader.ts';
import { wakeUploaderOnAppend } from './wake-uploader.ts';

export interface EngagementLogOptions {
  host: Pick<KioskApi, 'getDeviceIdentity'>;
  collector: KioskSettings['collector'];
  app: { name: string; version: string };
  anonymousId: TrackerSource['anonymousId'];
  locale: TrackerSource['locale'];
  pack: TrackerSource['pack'];
  dbName?: string;
  /** Uploader settings for tests and benchmarks (timeouts, backoff, batch size). */
  uploader?: Partial<Omit<UploaderOptions, 'outbox' | 'url' | 'writeKey' | 'onReport'>>;
  /** Every upload attempt, as also emitted to the tests ('outbox-upload'). */
  onUpload?: (report: UploadReport) => void;
  /**
   * Where events go instead of the collector: the hub and the kiosk's credential (sent as
   * the write key), or null while a hub is set but the kiosk is not enrolled (events are
   * kept). Absent: the collector's settings.
   */
  destination?: UploadDestination | null;
}

/** A base URL events are posted to (<url>/v1/batch) and the write key to send. */
export interface UploadDestination {
  url: string;
  writeKey?: string | undefined;
}

export interface EngagementLog {
  /** Resolves once the event is on disk. */
  tracker: Tracker;
  health(): Promise<OutboxHealth>;
  /** Sends a "Kiosk Heartbeat" and, if events were shed, an "Events Dropped" report. */
  heartbeat(): Promise<void>;
  /** Sends what waits now instead of at the next idle poll (a hub's upload-events command). */
  wake(): void;
  /** Sends to another place from now on (the kiosk enrolled with the hub, or its credential was revoked); null: keep events. */
  setDestination(destination: UploadDestination | null): Promise<void>;
  dispose(): Promise<void>;
}

async function askForPersistentStorage(): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

async function openOutbox(options: EngagementLogOptions): Promise<{ identity: DeviceIdentity; outbox: Outbox; storagePersisted: boolean }> {
  const identity = await options.host.getDeviceIdentity();
  const storagePersisted = await askForPersistentStorage();
  const outbox = new Outbox(openOutboxDb(options.dbName ?? OUTBOX_DB_NAME), { budgetBytes: options.collector.budgetBytes });
  await outbox.db.open();
  return { identity, outbox, storagePersisted };
}

/** The log of a kiosk whose outbox cannot be opened: every call says why. */
function unavailableLog(reason: string): EngagementLog {
  reportEventsError(reason);
  const refuse = () => Promise.reject(new Error(reason));
  return { tracker: { track: refuse }, health: refuse, heartbeat: refuse, wake: () => undefined, setDestination: async () => undefined, dispose: async () => undefined };
}

export async function startEngagementLog(options: EngagementLogOptions): Promise<EngagementLog> {
  let opened: Awaited<ReturnType<typeof openOutbox>>;
  try {
    opened = await openOutbox(options);
  } catch (err) {
    return unavailableLog(`the event outbox cannot be opened: ${(err as Error).message}`);
  }
  const { identity, outbox, storagePersisted } = opened;
  const { collector } = options;
  // The host's clock, carried on from when it answered: ms since the host started, so a
  // reloaded renderer does not start again from 0 under the same bootId.
  const sinceHostStart = identity.uptimeMs - performance.now();
  const tracker = createTracker(outbox, {
    monotonic: () => sinceHostStart + performance.now(),
    deviceId: identity.deviceId,
    bootId: identity.bootId,
    storeId: identity.storeId,
    app: options.app,
    anonymousId: options.anonymousId,
    locale: options.locale,
    pack: options.pack,
  });

  const startUploader = (to: UploadDestination | null): Uploader | null => {
    if (!to) return null;
    const started = new Uploader({
      ...options.uploader,
      outbox,
      url: to.url,
      writeKey: to.writeKey,
      connectivity: options.uploader?.connectivity ?? (typeof window === 'undefined' ? undefined : window),
      onReport: (report) => {
        emitAppEvent('outbox-upload', { ...report });
        options.onUpload?.(report);
      },
    });
    started.start();
    return started;
  };
  let destination: UploadDestination | null =
    options.destination === undefined ? (collector.url ? { url: collector.url, writeKey: collector.writeKey } : null) : options.destination;
  let uploader = startUploader(destination);
  const stopWaking = wakeUploaderOnAppend(outbox, () => uploader);
  let switching: Promise<void> = Promise.resolve();

  /** One uploader at a time: the old one stops (its batch in flight settled) before the new one starts. */
  function setDestination(next: UploadDestination | null): Promise<void> {
    switching = switching.then(async () => {
      if (next?.url === destination?.url && next?.writeKey === destination?.writeKey) return;
      const old = uploader;
      uploader = null;
      destination = next;
      await old?.stop();
      uploader = startUploader(next);
    });
    return switching;
  }

  async function health(): Promise<OutboxHealth> {
    return toHealth(
      await outbox.stats(),
      {
        budgetBytes: collector.budgetBytes,
        storagePersisted,
        collectorUrl: destination?.url ?? null,
        uploader: uploader?.state ?? 'off',
        lastError: uploader?.lastError ?? null,
      },
      Date.now(),
    );
  }

  async function reportDrops(): Promise<void> {
    await outbox.reportDrops((drops) =>
      tracker.draft('Events Dropped', {
        reason: 'budget',
        count: drops.count,
        seq_ranges: drops.ranges,
        seq_ranges_complete: drops.complete,
        by_event: drops.byEvent,
      }),
    );
  }

  async function heartbeat(): Promise<void> {
    await tracker.track('Kiosk Heartbeat', heartbeatProperties(await health(), performance.now()));
    await reportDrops();
  }

  const fail = (err: unknown) => reportEventsError(err instanceof Error ? err.message : String(err));
  // Drops left unreported by the previous run go out first.
  void reportDrops().catch(fail);
  const timer = setInterval(() => void heartbeat().catch(fail), collector.heartbeatSec * 1000);
  emitAppEvent('events-ready', { collector: destination?.url ?? null });

  return {
    tracker,
    health,
    heartbeat,
    wake: () => uploader?.wake(),
    setDestination,
    async dispose() {
      clearInterval(timer);
      stopWaking();
      await switching;
      await uploader?.stop();
      outbox.close();
    },
  };
}
