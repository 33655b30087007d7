// Which alerts a kiosk deserves now, from what the hub knows of it: pure, so every rule
// is tested with a clock. Time only counts while the store is open, and nothing new is
// raised while it is closed (an alert already open stays open until its cause ends).
import type { AlertKind, AlertSettings } from '../../../content/schema/hub-api/console/alerts.ts';
import type { Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import { crashesInLastHour, type CrashMark } from '../../store/queries/kiosks.ts';
import type { OpeningView } from './opening-hours.ts';

export interface KioskFacts {
  enrolledAt: number;
  revoked: boolean;
  lastHeartbeatAt: number | null;
  heartbeat: Heartbeat | null;
  seqGaps: number;
  gapsSince: number | null;
  crashMarks: readonly CrashMark[];
}

export type AlertDetail = Record<string, string | number | null>;

/** The alerts whose cause holds now, with what was seen. */
export function alertCauses(kiosk: KioskFacts, store: OpeningView, settings: AlertSettings, now: number, openPackAlert: AlertDetail | null, onlineWithinMs: number): Map<AlertKind, AlertDetail> {
  const causes = new Map<AlertKind, AlertDetail>();
  if (kiosk.revoked) return causes;
  const hb = kiosk.heartbeat;
  const seenAt = kiosk.lastHeartbeatAt ?? kiosk.enrolledAt;
  const online = kiosk.lastHeartbeatAt !== null && now - kiosk.lastHeartbeatAt < onlineWithinMs;

  const offlineOpenMs = store.openMsSince(seenAt);
  if (!online && offlineOpenMs >= settings.offlineMin * 60_000) {
    causes.set('offline', { lastHeartbeatAt: kiosk.lastHeartbeatAt, offlineOpenMinutes: Math.round(offlineOpenMs / 60_000) });
  }
  if (online && hb) {
    const touchedAt = hb.lastInteractionAt ?? kiosk.enrolledAt;
    const untouchedOpenMs = store.openMsSince(touchedAt);
    if (untouchedOpenMs >= settings.untouchedHours * 3_600_000) {
      causes.set('untouched', { lastInteractionAt: hb.lastInteractionAt, untouchedOpenHours: Math.round((untouchedOpenMs / 3_600_000) * 10) / 10 });
    }
    const oldest = hb.outbox?.oldestUnsentAgeMs ?? null;
    if (oldest !== null && oldest >= settings.outboxStaleMin * 60_000) {
      causes.set('outbox-stale', { oldestUnsentMinutes: Math.round(oldest / 60_000), outboxDepth: hb.outbox?.depth ?? null });
    }
  }
  if (kiosk.seqGaps > 0 && kiosk.gapsSince !== null && now - kiosk.gapsSince >= settings.seqGapMin * 60_000) {
    causes.set('seq-gap', { missing: kiosk.seqGaps, since: kiosk.gapsSince });
  }
  const crashes = crashesInLastHour(kiosk.crashMarks.filter((m) => m.at > now - 3_600_000));
  if (crashes >= settings.crashesPerHour) causes.set('renderer-crashes', { crashesLastHour: crashes });
  if (hb && hb.packRollbacks > 0) {
    const pack = hb.pack ? `${hb.pack.packId}@${hb.pack.version}` : null;
    // Over once the kiosk runs another pack than the one it went back to (a fixed pack arrived).
    const stillOn = openPackAlert === null || openPackAlert.pack === pack;
    if (stillOn) causes.set('pack-rollback', { pack, rollbacks: hb.packRollbacks, problem: hb.packProblem });
  }
  return causes;
}

export interface AlertChanges {
  raise: { kind: AlertKind; detail: AlertDetail }[];
  resolve: AlertKind[];
}

/** What to open and what to close: new alerts only while the store is open; closed when their cause ends. */
export function alertChanges(causes: Map<AlertKind, AlertDetail>, open: ReadonlySet<AlertKind>, store: OpeningView): AlertChanges {
  return {
    raise: store.openNow ? [...causes].filter(([kind]) => !open.has(kind)).map(([kind, detail]) => ({ kind, detail })) : [],
    resolve: [...open].filter((kind) => !causes.has(kind)),
  };
}
