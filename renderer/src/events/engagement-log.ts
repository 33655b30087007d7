// Starts the engagement log at boot: the outbox on disk, the tracker the app calls, the
// uploader (when a collector is set), the heartbeat and the drop reports.
import type { DeviceIdentity } from '../../../electron/common/kiosk-api.ts';
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { createTracker, type KioskTracker, type TrackerSource } from './create-tracker.ts';
import { Outbox } from './outbox.ts';
import { openOutboxDb, OUTBOX_DB_NAME } from './outbox-db.ts';
import { heartbeatProperties, toHealth, type OutboxHealth } from './outbox-health.ts';
import { Uploader, type UploaderOptions, type UploadReport } from './uploader.ts';

const WAKE_CHANNEL = 'kiosk-outbox';

export interface EngagementLogOptions {
  identity: DeviceIdentity;
  collector: KioskSettings['collector'];
  app: { name: string; version: string };
  anonymousId: TrackerSource['anonymousId'];
  locale: TrackerSource['locale'];
  pack: TrackerSource['pack'];
  dbName?: string;
  /** Uploader settings for tests and benchmarks (timeouts, backoff, batch size). */
  uploader?: Partial<Omit<UploaderOptions, 'outbox' | 'url' | 'writeKey'>>;
  onUpload?: (report: UploadReport) => void;
  onError?: (message: string) => void;
}

export interface EngagementLog {
  tracker: KioskTracker;
  outbox: Outbox;
  uploader: Uploader | null;
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

export async function startEngagementLog(options: EngagementLogOptions): Promise<EngagementLog> {
  const { identity, collector } = options;
  const storagePersisted = await askForPersistentStorage();
  const outbox = new Outbox(openOutboxDb(options.dbName ?? OUTBOX_DB_NAME), { budgetBytes: collector.budgetBytes });
  await outbox.db.open();
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
        onReport: options.onUpload,
      })
    : null;

  // Events written in another window wake this window's uploader, and the other way round.
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(WAKE_CHANNEL);
  let lastPost = 0;
  const stopWaking = outbox.onCommitted(() => {
    uploader?.wake();
    const now = Date.now();
    if (channel && now - lastPost > 250) {
      lastPost = now;
      channel.postMessage('appended');
    }
  });
  if (channel) channel.onmessage = () => uploader?.wake();
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

  const fail = (err: unknown) => options.onError?.(err instanceof Error ? err.message : String(err));
  // Drops left unreported by the previous run go out first.
  void reportDrops().catch(fail);
  const timer = setInterval(() => void heartbeat().catch(fail), collector.heartbeatSec * 1000);

  return {
    tracker,
    outbox,
    uploader,
    health,
    heartbeat,
    async dispose() {
      clearInterval(timer);
      stopWaking();
      channel?.close();
      await uploader?.stop();
      outbox.close();
    },
  };
}
