// The dashboards' queries: each reads rollups, filtered by store, kiosk, pack version and
// period, and never scans raw events. A period's whole days that are built come from the
// daily rollups and the rest (partial days at its ends, days not built yet or changed
// since) from the hourly ones, so the figures are those of the hourly rows alone (see
// rollup-period.ts). Written as SQL through Kysely's sql template (table names from a
// closed list, every value a parameter), the same text on SQLite and PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { HubStore } from '../open-store.ts';
import { builtDays } from './day-rollups.ts';
import { DAY, daysIn, floorTo, HOUR, splitPeriod, wholeDays, type TimeRange } from './rollup-period.ts';

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
type HourlyTable = 'funnel_hourly' | 'dwell_hourly' | 'event_hourly';
const DAILY_OF: Record<HourlyTable, string> = { funnel_hourly: 'funnel_daily', dwell_hourly: 'dwell_daily', event_hourly: 'event_daily' };

/** The filter's store, kiosk and pack conditions (without its period). */
function scope(f: RollupFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (f.storeId) parts.push(sql`store_id = ${f.storeId}`);
  if (f.visibleStores) parts.push(f.visibleStores.length ? sql`store_id in (${sql.join([...f.visibleStores])})` : sql`1 = 0`);
  if (f.deviceId) parts.push(sql`device_id = ${f.deviceId}`);
  if (f.pack !== undefined) parts.push(sql`pack = ${f.pack}`);
  return parts;
}

/** The filter as a WHERE clause on a rollup table; daily tables take every day the period touches. */
function where(table: RollupTable, f: RollupFilter): RawBuilder<unknown> {
  const daily = table === 'scan_daily' || table === 'game_daily';
  const time = sql.ref(daily ? 'day' : 'hour');
  return sql.join([sql`${time} >= ${floorTo(f.from, daily ? DAY : HOUR)}`, sql`${time} < ${f.to}`, ...scope(f)], sql` and `);
}

/** One table's part of a report's rows. */
interface Part {
  table: string;
  where: RawBuilder<unknown>;
}

/**
 * A part per time range, each a plain range on the table's time column, so that each is
 * read by its key or time index (a disjunction of ranges may not be); none reads nothing.
 */
function partsIn(table: string, time: 'hour' | 'day', ranges: readonly TimeRange[], f: RollupFilter): Part[] {
  const t = sql.ref(time);
  return ranges.map((r) => ({ table, where: sql.join([sql`${t} >= ${r.from}`, sql`${t} < ${r.to}`, ...scope(f)], sql` and `) }));
}

/** Where a report over an hourly rollup reads its rows: the daily table for the built whole days, the hourly one for the rest. */
async function partsOf(store: HubStore, table: HourlyTable, f: RollupFilter): Promise<Part[]> {
  const days = wholeDays(f.from, f.to, HOUR);
  const built = days.to > days.from ? await builtDays(store, days.from, days.to) : new Set<number>();
  const period = splitPeriod(f.from, f.to, HOUR, built);
  const parts = [...partsIn(DAILY_OF[table], 'day', period.daily, f), ...partsIn(table, 'hour', period.rest, f)];
  return parts.length > 0 ? parts : [{ table, where: sql`1 = 0` }];
}

/** The parts' rows as one derived table of `columns` (each part filtered further by `extra`). */
function rowsOf(parts: readonly Part[], columns: readonly string[], extra?: RawBuilder<unknown>): RawBuilder<unknown> {
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const selects = parts.map((p) => sql`select ${list} from ${sql.table(p.table)} where ${p.where}${extra ? sql` and ${extra}` : sql``}`);
  return sql`(${sql.join(selects, sql` union all `)}) r`;
}

const num = (v: unknown) => Number(v ?? 0);

export const FUNNEL_COLUMNS = ['sessions', 'home', 'scan', 'play', 'offers', 'engaged', 'game_finished', 'coupon_issued', 'coupon_redeemed', 'dwell_ms', 'dwell_sessions'] as const;
export type FunnelCounts = Record<(typeof FUNNEL_COLUMNS)[number], number>;
const funnelSums = sql.join(FUNNEL_COLUMNS.map((c) => sql`coalesce(sum(${sql.ref(c)}), 0) as ${sql.ref(c)}`));
const funnelOf = (row: Record<string, unknown> | undefined): FunnelCounts => Object.fromEntries(FUNNEL_COLUMNS.map((c) => [c, num(row?.[c])])) as FunnelCounts;

export async function funnelCounts(store: HubStore, f: RollupFilter): Promise<FunnelCounts> {
  const parts = await partsOf(store, 'funnel_hourly', f);
  const { rows } = await sql<Record<string, unknown>>`select ${funnelSums} from ${rowsOf(parts, FUNNEL_COLUMNS)}`.execute(store.db);
  return funnelOf(rows[0]);
}

/** The funnel per pack version, with the kiosks that showed each: distinct over the daily and hourly rows together. */
export async function funnelByPack(store: HubStore, f: RollupFilter) {
  const parts = await partsOf(store, 'funnel_hourly', f);
  const { rows } = await sql<Record<string, unknown>>`
    select pack, count(distinct device_id) as kiosks, ${funnelSums} from ${rowsOf(parts, ['pack', 'device_id', ...FUNNEL_COLUMNS])} group by pack order by pack`.execute(store.db);
  return rows.map((r) => ({ pack: String(r.pack), kiosks: num(r.kiosks), counts: funnelOf(r) }));
}

/** Sessions per hour and store for the heat map: it needs the hours, so it reads the hourly rows only. */
export async function sessionsByHourAndStore(store: HubStore, f: RollupFilter) {
  const { rows } = await sql<{ hour: unknown; store_id: string; sessions: unknown }>`
    select hour, store_id, sum(sessions) as sessions from funnel_hourly where ${where('funnel_hourly', f)} group by hour, store_id`.execute(store.db);
  return rows.map((r) => ({ hour: num(r.hour), storeId: r.store_id, sessions: num(r.sessions) }));
}

export async function dwellBuckets(store: HubStore, f: RollupFilter): Promise<Map<number, number>> {
  const parts = await partsOf(store, 'dwell_hourly', f);
  const { rows } = await sql<{ bucket: unknown; sessions: unknown }>`
    select bucket, sum(sessions) as sessions from ${rowsOf(parts, ['bucket', 'sessions'])} group by bucket`.execute(store.db);
  return new Map(rows.map((r) => [num(r.bucket), num(r.sessions)]));
}

export async function eventCounts(store: HubStore, f: RollupFilter, events: readonly string[]) {
  const parts = await partsOf(store, 'event_hourly', f);
  const { rows } = await sql<{ event: string; variant: string; count: unknown }>`
    select event, variant, sum(${sql.ref('count')}) as ${sql.ref('count')} from ${rowsOf(parts, ['event', 'variant', 'count'], sql`event in (${sql.join([...events])})`)}
    group by event, variant`.execute(store.db);
  return rows.map((r) => ({ event: r.event, variant: r.variant, count: num(r.count) }));
}

/** `events` counted per pack version (one query, not one per pack: the pack comparison). */
export async function eventCountsByPack(store: HubStore, f: RollupFilter, events: readonly string[]) {
  const parts = await partsOf(store, 'event_hourly', f);
  const { rows } = await sql<{ pack: string; event: string; count: unknown }>`
    select pack, event, sum(${sql.ref('count')}) as ${sql.ref('count')} from ${rowsOf(parts, ['pack', 'event', 'count'], sql`event in (${sql.join([...events])})`)}
    group by pack, event`.execute(store.db);
  return rows.map((r) => ({ pack: r.pack, event: r.event, count: num(r.count) }));
}

/**
 * The products scanned most (or most often not found), with how many kiosks scanned
 * each. Scans are counted per day: built days come from the per-store or the fleet's
 * daily sums (a kiosk filter reads the per-kiosk rows throughout), the rest from
 * scan_daily; the kiosks are counted for the products listed only.
 */
export async function productScans(store: HubStore, f: RollupFilter, found: boolean, limit: number) {
  const flag = found ? 1 : 0;
  const parts: Part[] = [];
  if (f.deviceId) parts.push({ table: 'scan_daily', where: where('scan_daily', f) });
  else {
    const days = wholeDays(f.from, f.to, DAY);
    const period = splitPeriod(f.from, f.to, DAY, days.to > days.from ? await builtDays(store, days.from, days.to) : new Set());
    const byStore = Boolean(f.storeId) || f.visibleStores !== null;
    parts.push(...partsIn(byStore ? 'scan_store_daily' : 'scan_fleet_daily', 'day', period.daily, f), ...partsIn('scan_daily', 'day', period.rest, f));
    if (parts.length === 0) parts.push({ table: 'scan_daily', where: sql`1 = 0` });
  }
  const { rows } = await sql<{ product_id: string; scans: unknown }>`
    select product_id, sum(scans) as scans from ${rowsOf(parts, ['product_id', 'scans'], sql`found = ${flag}`)}
    group by product_id order by sum(scans) desc, product_id limit ${limit}`.execute(store.db);
  if (rows.length === 0) return [];
  // Each day named, so that scan_daily's key (found, day, product) finds the listed products' rows directly.
  const { rows: kiosks } = await sql<{ product_id: string; kiosks: unknown }>`
    select product_id, count(distinct device_id) as kiosks from scan_daily
    where ${sql.join([sql`found = ${flag}`, sql`day in (${sql.join(daysIn(f.from, f.to))})`, sql`product_id in (${sql.join(rows.map((r) => r.product_id))})`, ...scope(f)], sql` and `)}
    group by product_id`.execute(store.db);
  const kiosksOf = new Map(kiosks.map((k) => [k.product_id, num(k.kiosks)]));
  return rows.map((r) => ({ productId: r.product_id, scans: num(r.scans), kiosks: kiosksOf.get(r.product_id) ?? 0 }));
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
  const parts = await partsOf(store, 'funnel_hourly', f);
  const { rows } = await sql<{ pack: string }>`select distinct pack from ${rowsOf(parts, ['pack'])} order by pack`.execute(store.db);
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
