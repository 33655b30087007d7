// The outbox numbers the admin panel shows (and the heartbeat carries), provided to
// the app next to the tracker.
import { inject, type InjectionKey } from 'vue';
import type { OutboxHealthProperties } from '../../../content/schema/events/tracking-plan.ts';
import type { OutboxStats } from './outbox.ts';
import type { UploaderState } from './uploader.ts';

export interface OutboxHealth {
  queueDepth: number;
  queueBytes: number;
  budgetBytes: number;
  oldestUnsentAgeMs: number | null;
  lastSuccessAt: number | null;
  shedTotal: number;
  quarantinedTotal: number;
  storagePersisted: boolean;
  /** Where events go, or null when no collector is set (they are kept, within the budget). */
  collectorUrl: string | null;
  uploader: UploaderState | 'off';
  lastError: string | null;
}

export const outboxHealthKey: InjectionKey<() => Promise<OutboxHealth>> = Symbol('kiosk-outbox-health');

export function useOutboxHealth(): (() => Promise<OutboxHealth>) | undefined {
  return inject(outboxHealthKey, undefined);
}

export function toHealth(
  stats: OutboxStats,
  extra: Pick<OutboxHealth, 'budgetBytes' | 'storagePersisted' | 'collectorUrl' | 'uploader' | 'lastError'>,
  now: number,
): OutboxHealth {
  return {
    queueDepth: stats.queueDepth,
    queueBytes: stats.queueBytes,
    oldestUnsentAgeMs: stats.oldestAt === null ? null : Math.max(0, now - stats.oldestAt),
    lastSuccessAt: stats.lastSuccessAt,
    shedTotal: stats.shedTotal,
    quarantinedTotal: stats.quarantinedTotal,
    ...extra,
  };
}

export function heartbeatProperties(health: OutboxHealth, uptimeMs: number): OutboxHealthProperties {
  return {
    queue_depth: health.queueDepth,
    queue_bytes: health.queueBytes,
    oldest_unsent_age_ms: health.oldestUnsentAgeMs,
    last_success_at: health.lastSuccessAt === null ? null : new Date(health.lastSuccessAt).toISOString(),
    shed_total: health.shedTotal,
    quarantined_total: health.quarantinedTotal,
    storage_persisted: health.storagePersisted,
    uptime_ms: Math.round(uptimeMs),
  };
}
