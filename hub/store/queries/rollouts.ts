// Rollouts (which uploaded pack goes to which stores and kiosk groups, from when, staged
// or at once, rolled back or not) and the kiosk facts they are matched against: store,
// groups and the last heartbeat.
import type { HubStore } from '../open-store.ts';
import type { Selectable } from 'kysely';
import type { RolloutTable } from '../schema.ts';

export interface RolloutRecord {
  id: string;
  pack: string;
  packId: string;
  version: string;
  stores: string[];
  groups: string[];
  /** RolloutStaging as stored (the server reads it with the contract's schema). */
  staging: unknown;
  phase: 'pilot' | 'full';
  percent: number | null;
  startsAt: number;
  createdAt: number;
  createdBy: string;
  promotedAt: number | null;
  rolledBackAt: number | null;
  rolledBackBy: string | null;
}

const num = (v: number | null) => (v === null ? null : Number(v));

const toRecord = (r: Selectable<RolloutTable>): RolloutRecord => ({
  id: String(r.id),
  pack: r.pack,
  packId: r.pack_id,
  version: r.version,
  stores: JSON.parse(r.stores) as string[],
  groups: JSON.parse(r.groups) as string[],
  staging: JSON.parse(r.staging) as unknown,
  phase: r.phase,
  percent: num(r.percent),
  startsAt: Number(r.starts_at),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  promotedAt: num(r.promoted_at),
  rolledBackAt: num(r.rolled_back_at),
  rolledBackBy: r.rolled_back_by,
});

export type NewRollout = Omit<RolloutRecord, 'id' | 'promotedAt' | 'rolledBackAt' | 'rolledBackBy'>;

export async function createRollout(store: HubStore, r: NewRollout): Promise<RolloutRecord> {
  const row = await store.db
    .insertInto('rollouts')
    .values({
      pack: r.pack,
      pack_id: r.packId,
      version: r.version,
      stores: JSON.stringify(r.stores),
      groups: JSON.stringify(r.groups),
      staging: JSON.stringify(r.staging),
      phase: r.phase,
      percent: r.percent,
      starts_at: r.startsAt,
      created_at: r.createdAt,
      created_by: r.createdBy,
      promoted_at: null,
      rolled_back_at: null,
      rolled_back_by: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

const byId = (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : -1);

export async function rolloutById(store: HubStore, id: string): Promise<RolloutRecord | null> {
  const row = await store.db.selectFrom('rollouts').selectAll().where('id', '=', byId(id)).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * Rollouts in the order they take precedence: the latest start first, then the latest
 * made. `standing` leaves out rolled-back ones; `live` those too and those not started by `now`.
 */
export async function listRollouts(store: HubStore, filter: { live?: { now: number }; standing?: boolean; pack?: string } = {}): Promise<RolloutRecord[]> {
  let query = store.db.selectFrom('rollouts').selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc');
  if (filter.standing || filter.live) query = query.where('rolled_back_at', 'is', null);
  if (filter.live) query = query.where('starts_at', '<=', filter.live.now);
  if (filter.pack) query = query.where('pack', '=', filter.pack);
  return (await query.execute()).map(toRecord);
}

/** Moves a rollout on (to `full`, or a larger share); null when it is rolled back or gone. */
export async function promoteRollout(store: HubStore, id: string, next: { phase: 'pilot' | 'full'; percent: number | null; now: number }): Promise<RolloutRecord | null> {
  await store.db
    .updateTable('rollouts')
    .set({ phase: next.phase, percent: next.percent, promoted_at: next.now })
    .where('id', '=', byId(id))
    .where('rolled_back_at', 'is', null)
    .execute();
  return rolloutById(store, id);
}

/** Marks a rollout rolled back (once: the first time and actor are kept). */
export async function rollBackRollout(store: HubStore, id: string, by: string, now: number): Promise<boolean> {
  const result = await store.db
    .updateTable('rollouts')
    .set({ rolled_back_at: now, rolled_back_by: by })
    .where('id', '=', byId(id))
    .where('rolled_back_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Rollouts of a pack that are not rolled back (it is published while there are any). */
export async function liveRolloutsOfPack(store: HubStore, pack: string): Promise<RolloutRecord[]> {
  const rows = await store.db.selectFrom('rollouts').selectAll().where('pack', '=', pack).where('rolled_back_at', 'is', null).orderBy('id').execute();
  return rows.map(toRecord);
}

/** The pack (upload id) was ever in a rollout, rolled back or not. */
export async function wasPublished(store: HubStore, pack: string): Promise<boolean> {
  const row = await store.db.selectFrom('rollouts').select('id').where('pack', '=', pack).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Packs (upload ids) with at least one rollout that is not rolled back. */
export async function publishedPacks(store: HubStore): Promise<Set<string>> {
  const rows = await store.db.selectFrom('rollouts').select('pack').distinct().where('rolled_back_at', 'is', null).execute();
  return new Set(rows.map((r) => r.pack));
}

// ── the kiosks rollouts are matched against ───────────────────────────────────────────

export interface KioskPackFacts {
  deviceId: string;
  storeId: string;
  name: string;
  groups: string[];
  revokedAt: number | null;
  lastHeartbeatAt: number | null;
  /** The last heartbeat as received, JSON. */
  heartbeat: string | null;
}

const groupsOf = (json: string): string[] => {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
};

/** Enrolled kiosks that are not revoked, optionally of some stores only (`storeIds` null: every store). */
export async function kioskPackFacts(store: HubStore, filter: { storeIds?: readonly string[] | null; storeId?: string | undefined; deviceId?: string } = {}): Promise<KioskPackFacts[]> {
  let query = store.db
    .selectFrom('kiosks')
    .select(['device_id', 'store_id', 'name', 'groups', 'revoked_at', 'last_heartbeat_at', 'heartbeat'])
    .where('revoked_at', 'is', null)
    .orderBy('store_id')
    .orderBy('name')
    .orderBy('device_id');
  if (filter.storeIds) query = query.where('store_id', 'in', filter.storeIds.length ? [...filter.storeIds] : ['']);
  if (filter.storeId) query = query.where('store_id', '=', filter.storeId);
  if (filter.deviceId) query = query.where('device_id', '=', filter.deviceId);
  const rows = await query.execute();
  return rows.map((r) => ({
    deviceId: r.device_id,
    storeId: r.store_id,
    name: r.name,
    groups: groupsOf(r.groups),
    revokedAt: num(r.revoked_at),
    lastHeartbeatAt: num(r.last_heartbeat_at),
    heartbeat: r.heartbeat,
  }));
}

/** The kiosk's groups (found even when revoked); null when there is no such kiosk. */
export async function kioskGroups(store: HubStore, deviceId: string): Promise<string[] | null> {
  const row = await store.db.selectFrom('kiosks').select('groups').where('device_id', '=', deviceId).executeTakeFirst();
  return row ? groupsOf(row.groups) : null;
}

export async function setKioskGroups(store: HubStore, deviceId: string, groups: readonly string[]): Promise<boolean> {
  const result = await store.db.updateTable('kiosks').set({ groups: JSON.stringify(groups) }).where('device_id', '=', deviceId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
