// The console's view of rollouts and kiosks: which pack each kiosk is assigned, which it
// runs (its last heartbeat), and what each rollout has come to. Worked out from every
// rollout and kiosk at once, in memory: hundreds of rollouts, thousands of kiosks.
import type { KioskPackRow, PackRow, RolloutRow } from '../../../content/schema/hub-api/console/packs.ts';
import { Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import type { PackRecord } from '../../store/queries/packs.ts';
import type { KioskPackFacts, RolloutRecord } from '../../store/queries/rollouts.ts';
import { assignedRollout, rolloutState, stagingOf } from './assignment.ts';

export function packRow(p: PackRecord, published: ReadonlySet<string>): PackRow {
  return { ...p, published: published.has(p.id) };
}

function heartbeatOf(json: string | null): Heartbeat | null {
  if (!json) return null;
  try {
    const parsed = Heartbeat.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function kioskPackRows(kiosks: readonly KioskPackFacts[], rollouts: readonly RolloutRecord[], now: number, onlineWithinMs: number): KioskPackRow[] {
  return kiosks.map((k) => {
    const hb = heartbeatOf(k.heartbeat);
    const rollout = assignedRollout(rollouts, k, now);
    const assigned = rollout ? { pack: rollout.pack, packId: rollout.packId, version: rollout.version, rolloutId: rollout.id } : null;
    const running = hb?.pack ?? null;
    const packProblem = hb?.packProblem ?? null;
    const packRollbacks = hb?.packRollbacks ?? 0;
    const runsAssigned = assigned !== null && running !== null && running.packId === assigned.packId && running.version === assigned.version;
    // Not on the assigned pack and it said why (a refused import, or it went back from a pack): failed.
    const status: KioskPackRow['status'] = !assigned ? 'unassigned' : runsAssigned ? 'current' : packProblem !== null || packRollbacks > 0 ? 'failed' : 'updating';
    return {
      deviceId: k.deviceId,
      name: k.name,
      storeId: k.storeId,
      groups: k.groups,
      online: k.lastHeartbeatAt !== null && now - k.lastHeartbeatAt < onlineWithinMs,
      lastHeartbeatAt: k.lastHeartbeatAt,
      mode: hb?.mode ?? null,
      assigned,
      running,
      packProblem,
      packRollbacks,
      status,
    };
  });
}

export function rolloutRows(rollouts: readonly RolloutRecord[], kiosks: readonly KioskPackRow[], now: number): RolloutRow[] {
  return rollouts.map((r) => {
    const mine = kiosks.filter((k) => k.assigned?.rolloutId === r.id);
    return {
      id: r.id,
      pack: r.pack,
      packId: r.packId,
      version: r.version,
      stores: r.stores,
      groups: r.groups,
      staging: stagingOf(r),
      phase: r.phase,
      percent: r.phase === 'pilot' ? r.percent : null,
      state: rolloutState(r, now),
      startsAt: r.startsAt,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      promotedAt: r.promotedAt,
      rolledBackAt: r.rolledBackAt,
      rolledBackBy: r.rolledBackBy,
      kiosks: { assigned: mine.length, running: mine.filter((k) => k.status === 'current').length, failed: mine.filter((k) => k.status === 'failed').length },
    };
  });
}
