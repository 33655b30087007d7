// The one way to start the engagement log (the app at boot, the delivery benchmark page):
// the outbox on disk, the tracker, the uploader (when a collector is set), the heartbeat
// and the drop reports. When the outbox cannot be opened the app still starts, and every
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
}

export interface EngagementLog {
  /** Resolves once the event is on disk. */
  tracker: Tracker;
  health(): Promise<OutboxHealth>;
  /** Sends a "Kiosk Heartbeat" and, if events were shed, an "Events Dropped" report. */
  heartbeat(): Promise<void>;
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
  return { tracker: { track: refuse }, health: refuse, heartbeat: refuse, dispose: async () => undefined };
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

  const uploader = collector.url
    ? new Uploader({
        ...options.uploader,
        outbox,
        url: collector.url,
        writeKey: collector.writeKey,
        connectivity: options.uploader?.connectivity ?? (typeof window === 'undefined' ? undefined : window),
        onReport: (report) => {
          emitAppEvent('outbox-upload', { ...report });
          options.onUpload?.(report);
        },
      })
    : null;
  const stopWaking = wakeUploaderOnAppend(outbox, uploader);
  uploader?.start();

  async function health(): Promise<OutboxHealth> {
    return toHealth(
      await outbox.stats(),
      {
        budgetBytes: collector.budgetBytes,
        storagePersisted,
        collectorUrl: collector.url ?? null,
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
  emitAppEvent('events-ready', { collector: collector.url ?? null });

  return {
    tracker,
    health,
    heartbeat,
    async dispose() {
      clearInterval(timer);
      stopWaking();
      await uploader?.stop();
      outbox.close();
    },
  };
}
