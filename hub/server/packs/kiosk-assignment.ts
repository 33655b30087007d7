// What the hub tells one kiosk about packs: the pack its rollouts assign it now, and the
// keys to trust. Read at each heartbeat and each download from the database, so every hub
// process gives the same answer: the rollouts are read again at most every few seconds
// (at once after a change made in this process; within ROLLOUTS_CACHE_MS after one made
// in another).
import { KIOSK_PACK_PATH, packFilesPath, type KioskPackNews } from '../../../content/schema/hub-api/pack.ts';
import { packById, type PackRecord } from '../../store/queries/packs.ts';
import { kioskGroups, listRollouts, type RolloutRecord } from '../../store/queries/rollouts.ts';
import type { HubContext } from '../hub-context.ts';
import { assignedRollout } from './assignment.ts';
import { trustedPackKeys } from './trusted-keys.ts';

export interface Assignment {
  rollout: RolloutRecord;
  pack: PackRecord;
}

const ROLLOUTS_CACHE_MS = 3_000;
const cached = new WeakMap<HubContext, { at: number; rollouts: Promise<RolloutRecord[]> }>();

/** Rollouts not rolled back, in precedence order (those not started yet too: the caller's clock decides). */
function standingRollouts(hub: HubContext): Promise<RolloutRecord[]> {
  const hit = cached.get(hub);
  if (hit && Date.now() - hit.at < ROLLOUTS_CACHE_MS) return hit.rollouts;
  const rollouts = listRollouts(hub.store, { standing: true });
  rollouts.catch(() => cached.delete(hub));
  cached.set(hub, { at: Date.now(), rollouts });
  return rollouts;
}

/** After a rollout is made, promoted or rolled back here: this process answers with it at once. */
export function forgetRollouts(hub: HubContext): void {
  cached.delete(hub);
}

export async function assignmentFor(hub: HubContext, kiosk: { deviceId: string; storeId: string }): Promise<Assignment | null> {
  const now = hub.clock.now();
  const groups = (await kioskGroups(hub.store, kiosk.deviceId)) ?? [];
  const rollout = assignedRollout(await standingRollouts(hub), { ...kiosk, groups }, now);
  if (!rollout) return null;
  const pack = await packById(hub.store, rollout.pack);
  return pack ? { rollout, pack } : null;
}

export async function packNewsFor(hub: HubContext, kiosk: { deviceId: string; storeId: string }): Promise<KioskPackNews> {
  const [trustedKeys, assignment] = await Promise.all([trustedPackKeys(hub), assignmentFor(hub, kiosk)]);
  const pack = assignment?.pack;
  return {
    trustedKeys,
    assigned:
      pack && assignment
        ? { packId: pack.packId, version: pack.version, sha256: pack.sha256, bytes: pack.bytes, rolloutId: assignment.rollout.id, download: KIOSK_PACK_PATH, files: packFilesPath(pack.sha256) }
        : null,
  };
}
