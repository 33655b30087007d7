// The daily rollups' life: ingest marks a day that is over when a late upload changes its
// hourly counts; a background job builds each day once it is over (and its grace has
// passed) and rebuilds the days marked since; the dashboards read daily rows only for
// the days that are built and unchanged, and the hourly rows for everything else, so
// their figures are the same either way.
import { sql, type Transaction } from 'kysely';
import { STEP_NAMES, stepColumn } from '../analytics/funnel-steps.ts';
import type { HubStore } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';
import type { DeferredWrites } from './deferred-writes.ts';
import { DAY, floorTo } from './rollup-period.ts';

/** A day is built this long after it ends: by then kiosks online have sent its last minutes. */
export const GRACE_MS = 15 * 60_000;
/**
 * Ingest marks a day changed from this long after it ends, a little before its grace is
 * over: an upload stamped just before a build may start, and stored just after the build
 * read the day, still makes the day be built again.
 */
const MARK_AFTER_MS = GRACE_MS - 5 * 60_000;
/** Days built in one run of the job: the newest first, so a backlog never holds back yesterday. */
const DAYS_PER_RUN = 7;

const FUNNEL_COUNTERS = [...STEP_NAMES.map(stepColumn), 'engaged', 'dwell_ms', 'dwell_sessions'];

/** The days (starts) among `days` that are over for ingest's purpose: changing one makes it be built again. */
export function daysOver(days: Iterable<number>, now: number): number[] {
  const out: number[] = [];
  for (const day of days) if (day + DAY + MARK_AFTER_MS <= now) out.push(day);
  return out.sort((a, b) => a - b);
}

/**
 * Notes that uploads in this transaction changed the hourly counts of `days`: one row per
 * day, in day order (so that transactions marking the same days never deadlock).
 */
export async function markDaysChanged(writes: DeferredWrites, days: readonly number[]): Promise<void> {
  if (days.length === 0) return;
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  await writes.addQuery(
    writes.trx
      .insertInto('rollup_days')
      .values(sorted.map((day) => ({ day, changes: 1 })))
      .onConflict((oc) => oc.column('day').doUpdateSet({ changes: (eb) => eb('rollup_days.changes', '+', 1) })),
  );
}

/** The last day whose grace is over at `now`. */
const lastDayOver = (now: number) => floorTo(now - GRACE_MS - DAY, DAY);

/**
 * The days to build at `now`, newest first, at most DAYS_PER_RUN: days over (and their
 * grace) that were marked changed or never built, and days with hourly counts that the
 * job has not seen yet (a kiosk's ordinary day, or a hub's history before this version).
 */
export async function daysToBuild(store: HubStore, now: number): Promise<number[]> {
  const last = lastDayOver(now);
  // One row per day the job has seen: a few hundred a year.
  const rows = await store.db.selectFrom('rollup_days').select(['day', 'built', 'changes']).where('day', '<=', last).orderBy('day', 'desc').execute();
  const pending = rows.filter((r) => r.built === null || Number(r.changes) > 0).map((r) => Number(r.day));
  const unseen = await unseenDays(store, last, rows.map((r) => Number(r.day)), DAYS_PER_RUN);
  return [...pending, ...unseen].sort((a, b) => b - a).slice(0, DAYS_PER_RUN);
}

/**
 * Days up to `last` with sessions in funnel_hourly and no row in rollup_days, newest
 * first. Walks the stretches between known days, one index lookup per stretch or per day
 * found, so a hub with years of built days (or a kiosk whose clock said 1970) asks little.
 * A day with events but no session is not found here; it is read from the hourly rows.
 */
async function unseenDays(store: HubStore, last: number, known: readonly number[], limit: number): Promise<number[]> {
  const out: number[] = [];
  let end = last + DAY;
  let i = 0;
  while (out.length < limit) {
    while (i < known.length && known[i]! >= end) i += 1;
    const below = known[i];
    const start = below === undefined ? null : below + DAY;
    if (start === null || start < end) {
      let q = store.db.selectFrom('funnel_hourly').select((eb) => eb.fn.max('hour').as('newest')).where('hour', '<', end);
      if (start !== null) q = q.where('hour', '>=', start);
      const newest = (await q.executeTakeFirst())?.newest;
      if (newest !== null && newest !== undefined) {
        end = floorTo(Number(newest), DAY);
        out.push(end);
        continue;
      }
    }
    if (below === undefined) break;
    end = below;
  }
  return out;
}

/** The days in [from, to) whose daily rows are built and no upload changed since: the dashboards read those. */
export async function builtDays(store: HubStore, from: number, to: number): Promise<Set<number>> {
  if (to <= from) return new Set();
  const rows = await store.db.selectFrom('rollup_days').select('day').where('day', '>=', from).where('day', '<', to).where('built', 'is not', null).where('changes', '=', 0).execute();
  return new Set(rows.map((r) => Number(r.day)));
}

/**
 * Builds one day's daily rows from its hourly ones, in one transaction: the day's old
 * daily rows go, the sums come in, and the day is recorded built with no changes. On
 * PostgreSQL the day's rollup_days row is locked first, so two hub processes building
 * the same day take turns and the second finds it done; an upload marking the day waits
 * for the build, or the build for it. False when the day was already up to date.
 */
export async function buildDay(store: HubStore, day: number, now: number): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    await trx.insertInto('rollup_days').values({ day, changes: 0, built: null }).onConflict((oc) => oc.column('day').doNothing()).execute();
    const read = trx.selectFrom('rollup_days').select(['changes', 'built']).where('day', '=', day);
    const state = store.dialect === 'postgres' ? await read.forUpdate().executeTakeFirstOrThrow() : await read.executeTakeFirstOrThrow();
    if (state.built !== null && Number(state.changes) === 0) return false;
    await fillDay(trx, day);
    await trx.updateTable('rollup_days').set({ changes: 0, built: now }).where('day', '=', day).execute();
    return true;
  });
}

/** The day's daily rows replaced by the sums of its hourly rows (and of its per-kiosk scans). */
async function fillDay(trx: Transaction<HubDatabase>, day: number): Promise<void> {
  const end = day + DAY;
  // The day as a value in a select list: PostgreSQL would take an untyped parameter for text.
  const dayValue = sql`cast(${day} as bigint)`;
  const funnel = sql.join(FUNNEL_COUNTERS.map((c) => sql.ref(c)));
  const funnelSums = sql.join(FUNNEL_COUNTERS.map((c) => sql`sum(${sql.ref(c)})`));
  for (const table of ['funnel_daily', 'dwell_daily', 'event_daily', 'scan_store_daily']) await sql`delete from ${sql.table(table)} where day = ${day}`.execute(trx);
  // The found flag leads scan_fleet_daily's key (and scan_daily's): naming both values lets the day be found by the key.
  await sql`delete from scan_fleet_daily where found in (0, 1) and day = ${day}`.execute(trx);

  await sql`
    insert into funnel_daily (day, store_id, device_id, pack, ${funnel})
    select ${dayValue}, store_id, device_id, pack, ${funnelSums} from funnel_hourly
    where hour >= ${day} and hour < ${end} group by store_id, device_id, pack`.execute(trx);
  await sql`
    insert into dwell_daily (day, store_id, device_id, pack, bucket, sessions)
    select ${dayValue}, store_id, device_id, pack, bucket, sum(sessions) from dwell_hourly
    where hour >= ${day} and hour < ${end} group by store_id, device_id, pack, bucket`.execute(trx);
  // event_hourly's key starts with the event: the day is read event by event, not by a scan of every day.
  const events = await eventNames(trx);
  if (events.length > 0) {
    await sql`
      insert into event_daily (day, store_id, device_id, pack, event, variant, ${sql.ref('count')})
      select ${dayValue}, store_id, device_id, pack, event, variant, sum(${sql.ref('count')}) from event_hourly
      where event in (${sql.join(events)}) and hour >= ${day} and hour < ${end} group by store_id, device_id, pack, event, variant`.execute(trx);
  }
  await sql`
    insert into scan_store_daily (day, store_id, pack, product_id, found, scans)
    select ${dayValue}, store_id, pack, product_id, found, sum(scans) from scan_daily
    where found in (0, 1) and day = ${day} group by store_id, pack, product_id, found`.execute(trx);
  await sql`
    insert into scan_fleet_daily (day, pack, product_id, found, scans)
    select ${dayValue}, pack, product_id, found, sum(scans) from scan_store_daily
    where day = ${day} group by pack, product_id, found`.execute(trx);
}

/** Every event name in event_hourly, one index lookup each (a loose index scan, on either database). */
async function eventNames(trx: Transaction<HubDatabase>): Promise<string[]> {
  const { rows } = await sql<{ event: string | null }>`
    with recursive names (event) as (
      select min(event) from event_hourly
      union all
      select (select min(event) from event_hourly where event > names.event) from names where names.event is not null
    )
    select event from names where event is not null`.execute(trx);
  return rows.map((r) => r.event!);
}

/** The job: builds the days due at `now`; returns them. */
export async function buildDueDays(store: HubStore, now: number): Promise<number[]> {
  const built: number[] = [];
  for (const day of await daysToBuild(store, now)) if (await buildDay(store, day, now)) built.push(day);
  return built;
}
