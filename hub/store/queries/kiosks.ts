// Kiosks: enrolment, credentials, revocation, heartbeats and what the fleet page and a
// kiosk's page read.
import type { HubStore } from '../open-store.ts';

/** A heartbeat is kept for the history plots at most this often. */
export const HEALTH_POINT_EVERY_MS = 10 * 60_000;
/** History plots reach back this far (older points are deleted). */
export const HISTORY_MS = 7 * 86_400_000;

export interface EnrolKiosk {
  deviceId: string;
  storeId: string;
  name: string;
  tokenId: string;
  tokenHash: string;
  appVersion: string;
  platform: string;
  couponKey: string | null;
  couponKeyId?: string | null;
  now: number;
}

/** Enrols a kiosk, or enrols it again: a new credential replaces the old one, a revocation ends. */
export async function enrolKiosk(store: HubStore, k: EnrolKiosk): Promise<void> {
  await store.db
    .insertInto('kiosks')
    .values({
      device_id: k.deviceId,
      store_id: k.storeId,
      name: k.name,
      token_id: k.tokenId,
      token_hash: k.tokenHash,
      enrolled_at: k.now,
      revoked_at: null,
      app_version: k.appVersion,
      platform: k.platform,
      coupon_key: k.couponKey,
      coupon_key_id: k.couponKeyId ?? null,
    })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        store_id: k.storeId,
        name: k.name,
        token_id: k.tokenId,
        token_hash: k.tokenHash,
        enrolled_at: k.now,
        revoked_at: null,
        app_version: k.appVersion,
        platform: k.platform,
        coupon_key: k.couponKey,
        coupon_key_id: k.couponKeyId ?? null,
      }),
    )
    .execute();
}

export interface KioskCredential {
  deviceId: string;
  storeId: string;
  tokenHash: string;
  revoked: boolean;
}

export async function kioskCredential(store: HubStore, tokenId: string): Promise<KioskCredential | null> {
  const row = await store.db.selectFrom('kiosks').select(['device_id', 'store_id', 'token_hash', 'revoked_at']).where('token_id', '=', tokenId).executeTakeFirst();
  if (!row?.token_hash) return null;
  return { deviceId: row.device_id, storeId: row.store_id, tokenHash: row.token_hash, revoked: row.revoked_at !== null };
}

/** Revokes a kiosk's credential; false when there is no such kiosk. */
export async function revokeKiosk(store: HubStore, deviceId: string, now: number): Promise<boolean> {
  const result = await store.db.updateTable('kiosks').set({ revoked_at: now }).where('device_id', '=', deviceId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface HeartbeatRecord {
  deviceId: string;
  now: number;
  /** The heartbeat as received, JSON. */
  json: string;
  appVersion: string;
  outboxDepth: number | null;
  jsHeapBytes: number | null;
  fps: number | null;
  rendererCrashes: number;
  bootId: string;
}

/** The crash counts seen, as [at, bootId-relative total] marks, the last hour's only. */
export interface CrashMark {
  at: number;
  bootId: string;
  crashes: number;
}

export async function recordHeartbeat(store: HubStore, h: HeartbeatRecord): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('kiosks').select(['crash_marks']).where('device_id', '=', h.deviceId).executeTakeFirst();
    const marks = [...parseMarks(row?.crash_marks ?? null), { at: h.now, bootId: h.bootId, crashes: h.rendererCrashes }].filter((m) => m.at > h.now - 3_600_000);
    await trx
      .updateTable('kiosks')
      .set({ last_heartbeat_at: h.now, heartbeat: h.json, app_version: h.appVersion, crash_marks: JSON.stringify(marks.slice(-120)) })
      .where('device_id', '=', h.deviceId)
      .execute();
    const last = await trx.selectFrom('kiosk_health').select('at').where('device_id', '=', h.deviceId).orderBy('at', 'desc').limit(1).executeTakeFirst();
    if (!last || h.now - last.at >= HEALTH_POINT_EVERY_MS) {
      await trx.insertInto('kiosk_health').values({ device_id: h.deviceId, at: h.now, outbox_depth: h.outboxDepth, js_heap_bytes: h.jsHeapBytes, fps: h.fps }).execute();
    }
  });
}

export function parseMarks(json: string | null): CrashMark[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as CrashMark[]) : [];
  } catch {
    return [];
  }
}

/** Crashes within the marks' hour: increases of the count within each boot, plus the counts of boots that started within it. */
export function crashesInLastHour(marks: readonly CrashMark[]): number {
  let total = 0;
  const byBoot = new Map<string, CrashMark[]>();
  for (const m of marks) byBoot.set(m.bootId, [...(byBoot.get(m.bootId) ?? []), m]);
  for (const list of byBoot.values()) {
    const sorted = [...list].sort((a, b) => a.at - b.at);
    total += Math.max(0, sorted.at(-1)!.crashes - (sorted.length > 1 ? sorted[0]!.crashes : 0));
  }
  return total;
}

export interface KioskRecord {
  deviceId: string;
  storeId: string;
  name: string;
  enrolledAt: number;
  revokedAt: number | null;
  appVersion: string | null;
  lastHeartbeatAt: number | null;
  heartbeat: string | null;
  lastEventAt: number | null;
  seqGaps: number;
  gapsSince: number | null;
  crashMarks: string | null;
  openAlerts: number;
}

/** Kiosks, optionally of some stores only (`storeIds` null: every store). */
export async function listKiosks(store: HubStore, filter: { storeIds: readonly string[] | null; storeId?: string | undefined; deviceId?: string }): Promise<KioskRecord[]> {
  let query = store.db
    .selectFrom('kiosks')
    .leftJoin(
      (eb) => eb.selectFrom('alerts').select(['device_id', (e) => e.fn.countAll<number>().as('open')]).where('resolved_at', 'is', null).groupBy('device_id').as('a'),
      (join) => join.onRef('a.device_id', '=', 'kiosks.device_id'),
    )
    .select([
      'kiosks.device_id',
      'kiosks.store_id',
      'kiosks.name',
      'kiosks.enrolled_at',
      'kiosks.revoked_at',
      'kiosks.app_version',
      'kiosks.last_heartbeat_at',
      'kiosks.heartbeat',
      'kiosks.last_event_at',
      'kiosks.seq_gaps',
      'kiosks.gaps_since',
      'kiosks.crash_marks',
      'a.open',
    ])
    .orderBy('kiosks.store_id')
    .orderBy('kiosks.name');
  if (filter.storeIds) query = query.where('kiosks.store_id', 'in', filter.storeIds.length ? [...filter.storeIds] : ['']);
  if (filter.storeId) query = query.where('kiosks.store_id', '=', filter.storeId);
  if (filter.deviceId) query = query.where('kiosks.device_id', '=', filter.deviceId);
  const rows = await query.execute();
  return rows.map((r) => ({
    deviceId: r.device_id,
    storeId: r.store_id,
    name: r.name,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    appVersion: r.app_version,
    lastHeartbeatAt: r.last_heartbeat_at,
    heartbeat: r.heartbeat,
    lastEventAt: r.last_event_at,
    seqGaps: r.seq_gaps,
    gapsSince: r.gaps_since,
    crashMarks: r.crash_marks,
    openAlerts: Number(r.open ?? 0),
  }));
}

export async function healthHistory(store: HubStore, deviceId: string, since: number) {
  return store.db.selectFrom('kiosk_health').select(['at', 'outbox_depth', 'js_heap_bytes', 'fps']).where('device_id', '=', deviceId).where('at', '>=', since).orderBy('at').execute();
}

export async function sessionsPerHour(store: HubStore, deviceId: string, since: number) {
  return store.db
    .selectFrom('funnel_hourly')
    .select(['hour', (e) => e.fn.sum<number>('sessions').as('sessions')])
    .where('device_id', '=', deviceId)
    .where('hour', '>=', since)
    .groupBy('hour')
    .having((e) => e.fn.sum('sessions'), '>', 0)
    .orderBy('hour')
    .execute();
}

/** Deletes history points older than the plots show. */
export async function pruneHealth(store: HubStore, now: number): Promise<void> {
  await store.db.deleteFrom('kiosk_health').where('at', '<', now - HISTORY_MS - 86_400_000).execute();
}

/** The coupon keys of kiosks whose key id starts with `keyTag` (8 hex digits from a token). */
export async function couponKeysByTag(store: HubStore, keyTag: string) {
  const rows = await store.db
    .selectFrom('kiosks')
    .select(['device_id', 'store_id', 'name', 'coupon_key'])
    .where('coupon_key_id', 'like', `${keyTag.toLowerCase().replace(/[^0-9a-f]/g, '')}%`)
    .execute();
  return rows.flatMap((r) => {
    if (!r.coupon_key) return [];
    const key = JSON.parse(r.coupon_key) as { keyId: string; publicKey: string; kioskId: string };
    return [{ keyId: key.keyId, publicKey: key.publicKey, kioskId: key.kioskId, deviceId: r.device_id, storeId: r.store_id, kioskName: r.name }];
  });
}
