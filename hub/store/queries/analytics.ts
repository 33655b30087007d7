// The dashboards' queries: each reads rollups kept at ingest, filtered by store, kiosk,
// pack version and period, and never scans raw events. Written as SQL through Kysely's
// sql template (table names from a closed list, every value a parameter), the same text
// on SQLite and PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { HubStore } from '../open-store.ts';

export interface RollupFilter {
  from: number;
  to: number;
  storeId?: string | undefined;
  deviceId?: string | undefined;
  pack?: string | undefined;
  /** Stores the user may see (null: every store). */
  visibleStores: readonly string[] | null;
}

type RollupTable = 'funnel_hourly' | 'dwell_hourly' | 'event_hourly' | 'scan_daily' | 'game_daily';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const floorTo = (at: number, unit: number) => at - (((at % unit) + unit) % unit);

/** The filter as a WHERE clause on a rollup table; daily tables take every day the period touches. */
function where(table: RollupTable, f: RollupFilter): RawBuilder<unknown> {
  const daily = table === 'scan_daily' || table === 'game_daily';
  const time = sql.ref(daily ? 'day' : 'hour');
  const parts = [sql`${time} >= ${floorTo(f.from, daily ? DAY : HOUR)}`, sql`${time} < ${f.to}`];
  if (f.storeId) parts.push(sql`store_id = ${f.storeId}`);
  if (f.visibleStores) parts.push(f.visibleStores.length ? sql`store_id in (${sql.join([...f.visibleStores])})` : sql`1 = 0`);
  if (f.deviceId) parts.push(sql`device_id = ${f.deviceId}`);
  if (f.pack !== undefined) parts.push(sql`pack = ${f.pack}`);
  return sql.join(parts, sql` and `);
}

const num = (v: unknown) => Number(v ?? 0);

export const FUNNEL_COLUMNS = ['sessions', 'home', 'scan', 'play', 'offers', 'engaged', 'game_finished', 'coupon_issued', 'coupon_redeemed', 'dwell_ms', 'dwell_sessions'] as const;
export type FunnelCounts = Record<(typeof FUNNEL_COLUMNS)[number], number>;
const funnelSums = sql.join(FUNNEL_COLUMNS.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0) as ${sql.ref(c)}`));
const funnelOf = (row: Record<string, unknown> | undefined): FunnelCounts => Object.fromEntries(FUNNEL_COLUMNS.map((c) => [c, num(row?.[c])])) as FunnelCounts;

export async function funnelCounts(store: HubStore, f: RollupFilter): Promise<FunnelCounts> {
  const { rows } = await sql<Record<string, unknown>>`select ${funnelSums} from funnel_hourly where ${where('funnel_hourly', f)}`.execute(store.db);
  return funnelOf(rows[0]);
}

export async function funnelByPack(store: HubStore, f: RollupFilter) {
  const { rows } = await sql<Record<string, unknown>>`
    select pack, count(distinct device_id) as kiosks, ${funnelSums} from funnel_hourly where ${where('funnel_hourly', f)} group by pack order by pack`.execute(store.db);
  return rows.map((r) => ({ pack: String(r.pack), kiosks: num(r.kiosks), counts: funnelOf(r) }));
}

export async function sessionsByHourAndStore(store: HubStore, f: RollupFilter) {
  const { rows } = await sql<{ hour: unknown; store_id: string; sessions: unknown }>`
    select hour, store_id, sum(sessions) as sessions from funnel_hourly where ${where('funnel_hourly', f)} group by hour, store_id`.execute(store.db);
  return rows.map((r) => ({ hour: num(r.hour), storeId: r.store_id, sessions: num(r.sessions) }));
}

export async function dwellBuckets(store: HubStore, f: RollupFilter): Promise<Map<number, number>> {
  const { rows } = await sql<{ bucket: unknown; sessions: unknown }>`
    select bucket, sum(sessions) as sessions from dwell_hourly where ${where('dwell_hourly', f)} group by bucket`.execute(store.db);
  return new Map(rows.map((r) => [num(r.bucket), num(r.sessions)]));
}

export async function eventCounts(store: HubStore, f: RollupFilter, events: readonly string[]) {
  const { rows } = await sql<{ event: string; variant: string; count: unknown }>`
    select event, variant, sum(count) as count from event_hourly
    where ${where('event_hourly', f)} and event in (${sql.join([...events])}) group by event, variant`.execute(store.db);
  return rows.map((r) => ({ event: r.event, variant: r.variant, count: num(r.count) }));
}

/** `events` counted per pack version (one query, not one per pack: the pack comparison). */
export async function eventCountsByPack(store: HubStore, f: RollupFilter, events: readonly string[]) {
  const { rows } = await sql<{ pack: string; event: string; count: unknown }>`
    select pack, event, sum(count) as count from event_hourly
    where ${where('event_hourly', f)} and event in (${sql.join([...events])}) group by pack, event`.execute(store.db);
  return rows.map((r) => ({ pack: r.pack, event: r.event, count: num(r.count) }));
}

export async function productScans(store: HubStore, f: RollupFilter, found: boolean, limit: number) {
  const { rows } = await sql<{ product_id: string; scans: unknown; kiosks: unknown }>`
    select product_id, sum(scans) as scans, count(distinct device_id) as kiosks from scan_daily
    where ${where('scan_daily', f)} and found = ${found ? 1 : 0}
    group by product_id order by sum(scans) desc, product_id limit ${limit}`.execute(store.db);
  return rows.map((r) => ({ productId: r.product_id, scans: num(r.scans), kiosks: num(r.kiosks) }));
}

export async function gameCounts(store: HubStore, f: RollupFilter) {
  const { rows } = await sql<Record<string, unknown>>`
    select game_id, campaign_id, odds, sum(plays) as plays, sum(completed) as completed, sum(draws) as draws, sum(won) as won
    from game_daily where ${where('game_daily', f)} group by game_id, campaign_id, odds order by game_id, campaign_id, odds`.execute(store.db);
  return rows.map((r) => ({
    gameId: String(r.game_id),
    campaignId: String(r.campaign_id),
    odds: r.odds === '' ? null : Number(r.odds),
    plays: num(r.plays),
    completed: num(r.completed),
    draws: num(r.draws),
    won: num(r.won),
  }));
}

export async function packVersions(store: HubStore, f: RollupFilter): Promise<string[]> {
  const { rows } = await sql<{ pack: string }>`select distinct pack from funnel_hourly where ${where('funnel_hourly', f)} order by pack`.execute(store.db);
  return rows.map((r) => r.pack).filter((p) => p !== '');
}

export async function planProblems(store: HubStore, from: number, to: number) {
  const { rows } = await sql<{ event: string; plan_problem: string; count: unknown; last_at: unknown }>`
    select event, plan_problem, count(*) as count, max(received_at) as last_at from events
    where plan_problem is not null and received_at >= ${from} and received_at < ${to}
    group by event, plan_problem order by event, plan_problem`.execute(store.db);
  return rows.map((r) => ({ event: r.event, problem: r.plan_problem, count: num(r.count), lastAt: num(r.last_at) }));
}

export interface RawEventRow {
  message_id: string;
  device_id: string;
  seq: number | null;
  event: string;
  original_at: number | null;
  received_at: number;
  body: string;
  plan_problem: string | null;
}

/** Raw events received in the period, a page at a time in arrival order (for an export that never holds them all). */
export async function* rawEvents(store: HubStore, f: { from: number; to: number; deviceIds: readonly string[] | null; event?: string | undefined }, pageSize = 1000): AsyncGenerator<RawEventRow[]> {
  let after: { at: number; id: string } | null = null;
  for (;;) {
    const parts = [sql`received_at >= ${f.from}`, sql`received_at < ${f.to}`];
    if (after) parts.push(sql`(received_at > ${after.at} or (received_at = ${after.at} and message_id > ${after.id}))`);
    if (f.deviceIds) parts.push(f.deviceIds.length ? sql`device_id in (${sql.join([...f.deviceIds])})` : sql`1 = 0`);
    if (f.event) parts.push(sql`event = ${f.event}`);
    const { rows } = await sql<RawEventRow>`
      select message_id, device_id, seq, event, original_at, received_at, body, plan_problem from events
      where ${sql.join(parts, sql` and `)} order by received_at, message_id limit ${pageSize}`.execute(store.db);
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1)!;
    after = { at: Number(last.received_at), id: last.message_id };
    if (rows.length < pageSize) return;
  }
}

/**
 * Deletes raw events received before `cutoff` (the rollups stay): on PostgreSQL whole day
 * partitions are dropped; on SQLite rows go a chunk at a time. The messageIds stay claimed
 * on PostgreSQL (event_ids) so a very late re-send is still turned away; on SQLite the
 * retention must outlast the longest a kiosk may stay offline.
 */
export async function pruneRawEvents(store: HubStore, cutoff: number): Promise<number> {
  if (store.dialect === 'postgres') {
    const { rows } = await sql<{ name: string; bound: string }>`
      select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound from pg_inherits i
      join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'events'`.execute(store.db);
    let dropped = 0;
    for (const r of rows) {
      const to = /TO \('?(\d+)'?\)/.exec(r.bound)?.[1];
      if (to && Number(to) <= cutoff) {
        await sql`drop table if exists ${sql.table(r.name)}`.execute(store.db);
        dropped += 1;
      }
    }
    await store.db.deleteFrom('shopper_sessions').where('started_at', '<', cutoff).execute();
    return dropped;
  }
  let deleted = 0;
  for (;;) {
    const result = await sql`delete from events where rowid in (select rowid from events where received_at < ${cutoff} limit 5000)`.execute(store.db);
    const n = Number(result.numAffectedRows ?? 0);
    deleted += n;
    if (n < 5000) break;
  }
  await store.db.deleteFrom('shopper_sessions').where('started_at', '<', cutoff).execute();
  return deleted;
}
