// What an alert saw, as a message key and its values. The contract leaves
// `AlertRow.detail` open, so each kind reads the names the hub's alert rules use today
// (hub/server/alerts/alert-rules.ts) and a few likely others, and says less (never
// something wrong) when they are absent.
import type { AlertRow } from '../../../../content/schema/hub-api/console/alerts.ts';

export interface AlertSentence {
  /** A key under `alerts.seen`. */
  key: string;
  values: Record<string, string>;
}

export interface AlertFormat {
  num(value: number): string;
  duration(ms: number): string;
  dateTime(at: number): string;
}

type Detail = AlertRow['detail'];

function numberOf(detail: Detail, ...keys: string[]): number | null {
  for (const key of keys) {
    const v = detail[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return null;
}

function textOf(detail: Detail, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = detail[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

export function alertSentence(alert: Pick<AlertRow, 'kind' | 'detail'>, f: AlertFormat): AlertSentence {
  const d = alert.detail;
  switch (alert.kind) {
    case 'offline': {
      const minutes = numberOf(d, 'offlineOpenMinutes', 'minutes');
      if (minutes !== null) return { key: 'offline.for', values: { duration: f.duration(minutes * 60_000) } };
      const since = numberOf(d, 'lastHeartbeatAt');
      if (since !== null) return { key: 'offline.since', values: { time: f.dateTime(since) } };
      return { key: 'offline.plain', values: {} };
    }
    case 'untouched': {
      const hours = numberOf(d, 'untouchedOpenHours', 'hours');
      if (hours !== null) return { key: 'untouched.for', values: { duration: f.duration(hours * 3_600_000) } };
      const since = numberOf(d, 'lastInteractionAt');
      if (since !== null) return { key: 'untouched.since', values: { time: f.dateTime(since) } };
      return { key: 'untouched.plain', values: {} };
    }
    case 'outbox-stale': {
      const minutes = numberOf(d, 'oldestUnsentMinutes', 'minutes');
      const ageMs = numberOf(d, 'oldestUnsentAgeMs') ?? (minutes === null ? null : minutes * 60_000);
      const depth = numberOf(d, 'outboxDepth', 'depth');
      if (ageMs !== null && depth !== null) return { key: 'outboxStale.depthAge', values: { depth: f.num(depth), duration: f.duration(ageMs) } };
      if (ageMs !== null) return { key: 'outboxStale.age', values: { duration: f.duration(ageMs) } };
      return { key: 'outboxStale.plain', values: {} };
    }
    case 'seq-gap': {
      const missing = numberOf(d, 'missing', 'seqGaps');
      if (missing !== null) return { key: 'seqGap.count', values: { count: f.num(missing) } };
      return { key: 'seqGap.plain', values: {} };
    }
    case 'renderer-crashes': {
      const crashes = numberOf(d, 'crashesLastHour', 'crashes');
      if (crashes !== null) return { key: 'rendererCrashes.count', values: { count: f.num(crashes) } };
      return { key: 'rendererCrashes.plain', values: {} };
    }
    case 'pack-rollback': {
      // `pack`: the pack the kiosk runs now, the one it went back to ("spring@2025.04.1").
      const pack = textOf(d, 'pack')?.replace('@', ' ') ?? null;
      const problem = textOf(d, 'problem', 'reason');
      if (pack && problem) return { key: 'packRollback.packProblem', values: { pack, problem } };
      if (pack) return { key: 'packRollback.pack', values: { pack } };
      if (problem) return { key: 'packRollback.problem', values: { problem } };
      return { key: 'packRollback.plain', values: {} };
    }
  }
}
