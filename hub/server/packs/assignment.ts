// Which pack each kiosk is assigned: the rollouts that cover it and have started, the
// latest start first; a rolled-back rollout covers nobody, so its kiosks fall back to
// the rollout before it. Pure: the routes feed it rows and the clock.
import { createHash } from 'node:crypto';
import { RolloutStaging } from '../../../content/schema/hub-api/console/packs.ts';
import type { RolloutRecord } from '../../store/queries/rollouts.ts';

export interface KioskScope {
  deviceId: string;
  storeId: string;
  groups: readonly string[];
}

/** The kiosk's place in 0…99.99, from its id alone: the same kiosks go first in every percent rollout. */
export function kioskBucket(deviceId: string): number {
  return createHash('sha256').update(deviceId).digest().readUInt32BE(0) % 10_000 / 100;
}

export function stagingOf(r: RolloutRecord): RolloutStaging {
  const parsed = RolloutStaging.safeParse(r.staging);
  return parsed.success ? parsed.data : { kind: 'all' };
}

/** The rollout names the kiosk's store or one of its groups (or names nothing: every kiosk). */
export function inScope(r: Pick<RolloutRecord, 'stores' | 'groups'>, k: KioskScope): boolean {
  if (r.stores.length === 0 && r.groups.length === 0) return true;
  return r.stores.includes(k.storeId) || r.groups.some((g) => k.groups.includes(g));
}

/** The kiosk is among those that get the pack in the rollout's first stage. */
export function inFirstStage(r: RolloutRecord, k: KioskScope): boolean {
  const staging = stagingOf(r);
  if (staging.kind === 'pilot') return k.groups.includes(staging.group);
  if (staging.kind === 'percent') return kioskBucket(k.deviceId) < (r.percent ?? staging.percent);
  return true;
}

export function covers(r: RolloutRecord, k: KioskScope, now: number): boolean {
  if (r.rolledBackAt !== null || r.startsAt > now) return false;
  return inScope(r, k) && (r.phase === 'full' || inFirstStage(r, k));
}

/** The rollout that decides the kiosk's pack, from rollouts in precedence order (listRollouts). */
export function assignedRollout(rollouts: readonly RolloutRecord[], k: KioskScope, now: number): RolloutRecord | null {
  return rollouts.find((r) => covers(r, k, now)) ?? null;
}

export type RolloutState = 'scheduled' | 'pilot' | 'live' | 'rolled-back';

export function rolloutState(r: RolloutRecord, now: number): RolloutState {
  if (r.rolledBackAt !== null) return 'rolled-back';
  if (r.startsAt > now) return 'scheduled';
  return r.phase === 'pilot' ? 'pilot' : 'live';
}
