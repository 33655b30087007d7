// Keeps the dashboards' rollups up at ingest, inside the transaction that stores the
// events: every count a dashboard reads is added here as the events are stored, one
// multi-row statement per rollup table for all the transaction's uploads, so a dashboard
// never scans raw events. Counts that land in a day already over mark that day, so the
// daily rollups built from these are built again (day-rollups.ts).
import type { Transaction } from 'kysely';
import type { EventFacts } from '../analytics/event-facts.ts';
import { dwellBucket, STEPS, STEP_NAMES, stepColumn } from '../analytics/funnel-steps.ts';
import type { Dialect } from '../open-store.ts';
import type { HubDatabase } from '../schema.ts';
import { daysOver, markDaysChanged } from './day-rollups.ts';
import { deferredWrites, type DeferredWrites } from './deferred-writes.ts';
import { bulkInsertText } from './hot-sql.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Rows per statement: well under SQLite's 32,766 bound parameters (funnel rows have 18 columns). */
const CHUNK = 200;
const hourOf = (at: number) => at - (((at % HOUR) + HOUR) % HOUR);
const dayOf = (at: number) => at - (((at % DAY) + DAY) % DAY);

type Tables = 'funnel_hourly' | 'dwell_hourly' | 'event_hourly' | 'scan_daily' | 'game_daily';

/** Adds `rows` to a rollup table: a row that exists gets its counters increased. Every row has the first row's columns. */
async function addCounts(writes: DeferredWrites, table: Tables, keys: readonly string[], counters: readonly string[], rows: readonly Record<string, string | number>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const tail = `on conflict (${keys.map((k) => `"${k}"`).join(', ')}) do update set ${counters.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ')}`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push(row[c]);
    await writes.add(bulkInsertText(writes.dialect, table, columns, part.length, tail), params);
  }
}

/** Sums rows sharing a key. Keeps the first row of each key and adds to it: give each call a row of its own. */
function tally<T extends Record<string, string | number>>(keyOf: (row: T) => string, counters: readonly (keyof T)[]) {
  const map = new Map<string, T>();
  return {
    add(row: T) {
      const key = keyOf(row);
      const had = map.get(key);
      if (!had) map.set(key, row);
      else for (const c of counters) (had as Record<keyof T, number>)[c] = (had[c] as number) + (row[c] as number);
    },
    rows: () => [...map.values()],
  };
}

export interface RollupContext {
  deviceId: string;
  storeId: string;
}

/** A stored event as the rollups count it: what it means was worked out when its upload was read. */
export interface CountedEvent {
  event: string;
  /** When it happened by the kiosk's clock (the hub's receipt time when it had none). */
  at: number;
  /** packId@version on screen, '' when none. */
  pack: string;
  facts: EventFacts;
}

/** One upload's stored events, and the kiosk they came from. */
export interface RollupGroup {
  ctx: RollupContext;
  events: readonly CountedEvent[];
}

/** An event, what it means, and the kiosk it came from. */
interface Fact {
  e: CountedEvent;
  f: EventFacts;
  ctx: RollupContext;
}

/**
 * Counts the events of one or several uploads into the rollups: one write per table for
 * all of them, sent with the transaction's other writes. `now` is when they were
 * received: the days they change that are over by then are marked for their daily
 * rollups to be built again. `sessions`, when given, holds every stored session the
 * events belong to (read with the event insert on PostgreSQL); otherwise they are read.
 */
export async function rollUp(writes: DeferredWrites, groups: readonly RollupGroup[], now: number, sessions?: ReadonlyMap<string, StoredSession>): Promise<void> {
  const { trx } = writes;
  const all: Fact[] = [];
  for (const { ctx, events } of groups) for (const e of events) all.push({ e, f: e.facts, ctx });
  if (all.length === 0) return;

  const hourly = tally<{ device_id: string; store_id: string; pack: string; hour: number; event: string; variant: string; count: number }>((r) => `${r.device_id}|${r.hour}|${r.pack}|${r.event}|${r.variant}`, ['count']);
  const scans = tally<{ device_id: string; store_id: string; pack: string; day: number; product_id: string; found: number; scans: number }>((r) => `${r.device_id}|${r.day}|${r.pack}|${r.product_id}|${r.found}`, ['scans']);
  const games = tally<{ device_id: string; store_id: string; pack: string; day: number; game_id: string; campaign_id: string; odds: string; plays: number; completed: number; draws: number; won: number }>(
    (r) => `${r.device_id}|${r.day}|${r.pack}|${r.game_id}|${r.campaign_id}|${r.odds}`,
    ['plays', 'completed', 'draws', 'won'],
  );
  // Rows written out field by field: this loop runs for every event a fleet sends.
  for (const { e, f, ctx } of all) {
    const { deviceId: device_id, storeId: store_id } = ctx;
    const { pack } = e;
    hourly.add({ device_id, store_id, pack, hour: hourOf(e.at), event: e.event, variant: f.variant, count: 1 });
    if (f.scan) scans.add({ device_id, store_id, pack, day: dayOf(e.at), product_id: f.scan.productId, found: f.scan.found ? 1 : 0, scans: 1 });
    if (f.game) {
      const g = f.game;
      for (const c of g.campaigns) {
        games.add({ device_id, store_id, pack, day: dayOf(e.at), game_id: g.gameId, campaign_id: c.campaignId, odds: c.odds, plays: 1, completed: g.completed ? 1 : 0, draws: c.drawn ? 1 : 0, won: c.won ? 1 : 0 });
      }
    }
  }
  await addCounts(writes, 'event_hourly', ['device_id', 'hour', 'pack', 'event', 'variant'], ['count'], hourly.rows());
  await addCounts(writes, 'scan_daily', ['device_id', 'day', 'pack', 'product_id', 'found'], ['scans'], scans.rows());
  await addCounts(writes, 'game_daily', ['device_id', 'day', 'pack', 'game_id', 'campaign_id', 'odds'], ['plays', 'completed', 'draws', 'won'], games.rows());
  // The days counted in (per row, not per event: a batch has far fewer rows); game_daily has no daily rollup of its own.
  const days = new Set<number>();
  for (const r of hourly.rows()) days.add(dayOf(r.hour));
  for (const r of scans.rows()) days.add(r.day);

  const coupons = all.flatMap(({ e, f, ctx }) => (f.coupon ? [{ e, f, ctx, c: f.coupon }] : []));
  if (coupons.length > 0) {
    await writes.addQuery(
      trx
        .insertInto('coupons')
        .values(
          coupons.map(({ e, f, ctx, c }) => ({
            coupon_id: c.couponId,
            kiosk_id: c.kioskId,
            device_id: ctx.deviceId,
            store_id: ctx.storeId,
            pack: e.pack,
            campaign_id: c.campaignId,
            game_id: c.gameId,
            seq: c.seq,
            issued_at: c.issuedAt,
            expires_at: c.expiresAt,
            reward_kind: c.rewardKind,
            reward_value: c.rewardValue,
            token: c.token,
            anonymous_id: f.session,
          })),
        )
        .onConflict((oc) => oc.column('coupon_id').doNothing()),
    );
  }
  // A coupon redeemed before its Coupon Issued arrived (a kiosk offline, a till online) counts now.
  const redeemed = coupons.length
    ? new Set(
        (await trx.selectFrom('redemptions').select('coupon_id').where('outcome', '=', 'first').where('coupon_id', 'in', coupons.map(({ c }) => c.couponId)).execute()).map((r) => r.coupon_id),
      )
    : new Set<string>();

  for (const hour of await rollUpSessions(writes, all, sessions, (f) => (f.coupon && redeemed.has(f.coupon.couponId) ? STEPS.coupon_redeemed : 0))) days.add(dayOf(hour));
  // Usually none: only a late upload (a kiosk back after days offline) counts into a day that is over.
  await markDaysChanged(writes, daysOver(days, now));
}

/** funnel_hourly's counters: a column per funnel step, and the dwell sums. */
const FUNNEL_COUNTERS = [...STEP_NAMES.map(stepColumn), 'engaged', 'dwell_ms', 'dwell_sessions'];
/** Scan, play or offers: a session reached any of them, counted once. */
const ENGAGED = STEPS.scan | STEPS.play | STEPS.offers;

const SESSION_COLUMNS = ['anonymous_id', 'device_id', 'store_id', 'pack', 'hour', 'started_at', 'steps', 'duration_ms'] as const;

/** A shopper session as stored: the hour it counts in, and what it reached so far. */
export interface StoredSession {
  hour: number;
  startedAt: number;
  pack: string;
  steps: number;
  durationMs: number | null;
}

async function readSessions(trx: Transaction<HubDatabase>, ids: readonly string[]): Promise<Map<string, StoredSession>> {
  const out = new Map<string, StoredSession>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('shopper_sessions').select(['anonymous_id', 'hour', 'started_at', 'pack', 'steps', 'duration_ms']).where('anonymous_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.anonymous_id, { hour: r.hour, startedAt: r.started_at, pack: r.pack, steps: Number(r.steps), durationMs: r.duration_ms });
  }
  return out;
}

/**
 * Marks the funnel steps each session reached, and counts each step once per session, in
 * the hour the session started; returns the hours counted in.
 */
async function rollUpSessions(writes: DeferredWrites, all: readonly Fact[], known: ReadonlyMap<string, StoredSession> | undefined, extraSteps: (f: EventFacts) => number): Promise<number[]> {
  const { trx } = writes;
  const bySession = new Map<string, Fact[]>();
  for (const item of all) {
    if (!item.f.session) continue;
    const items = bySession.get(item.f.session);
    if (items) items.push(item);
    else bySession.set(item.f.session, [item]);
  }
  if (bySession.size === 0) return [];
  const existing = known ?? (await readSessions(trx, [...bySession.keys()]));
  const funnel = tally<Record<string, string | number>>((r) => `${r.device_id}|${r.hour}|${r.pack}`, FUNNEL_COUNTERS);
  const dwell = tally<{ device_id: string; store_id: string; pack: string; hour: number; bucket: number; sessions: number }>((r) => `${r.device_id}|${r.hour}|${r.pack}|${r.bucket}`, ['sessions']);
  const upserts: { anonymous_id: string; device_id: string; store_id: string; pack: string; hour: number; started_at: number; steps: number; duration_ms: number | null }[] = [];

  for (const [id, items] of bySession) {
    const first = items.reduce((a, b) => (b.e.at < a.e.at ? b : a));
    // A session is one kiosk's: its first event says which.
    const { ctx } = first;
    const had = existing.get(id);
    const state: StoredSession = had ?? { hour: hourOf(first.e.at), startedAt: first.e.at, pack: first.e.pack, steps: 0, durationMs: null };
    const reached = items.reduce<number>((bits, { f }) => bits | f.steps | extraSteps(f), STEPS.session);
    const fresh = reached & ~state.steps;
    const ended = items.map(({ f }) => f.durationMs).find((d) => d !== null) ?? null;
    const newDuration = state.durationMs === null && ended !== null ? ended : null;
    if (fresh === 0 && newDuration === null) continue;
    const delta: Record<string, string | number> = { device_id: ctx.deviceId, store_id: ctx.storeId, pack: state.pack, hour: state.hour, sessions: 0, dwell_ms: 0, dwell_sessions: 0 };
    for (const step of STEP_NAMES) delta[stepColumn(step)] = (fresh & STEPS[step]) !== 0 ? 1 : 0;
    delta.engaged = (state.steps & ENGAGED) === 0 && (fresh & ENGAGED) !== 0 ? 1 : 0;
    if (newDuration !== null) {
      delta.dwell_ms = newDuration;
      delta.dwell_sessions = 1;
      dwell.add({ device_id: ctx.deviceId, store_id: ctx.storeId, pack: state.pack, hour: state.hour, bucket: dwellBucket(newDuration), sessions: 1 });
    }
    funnel.add(delta);
    upserts.push({ anonymous_id: id, device_id: ctx.deviceId, store_id: ctx.storeId, pack: state.pack, hour: state.hour, started_at: state.startedAt, steps: state.steps | fresh, duration_ms: state.durationMs ?? newDuration });
  }
  for (let i = 0; i < upserts.length; i += CHUNK) {
    const part = upserts.slice(i, i + CHUNK);
    const text = bulkInsertText(writes.dialect, 'shopper_sessions', SESSION_COLUMNS, part.length, 'on conflict ("anonymous_id") do update set "steps" = excluded."steps", "duration_ms" = excluded."duration_ms"');
    await writes.add(text, part.flatMap((u) => [u.anonymous_id, u.device_id, u.store_id, u.pack, u.hour, u.started_at, u.steps, u.duration_ms]));
  }
  const funnelRows = funnel.rows();
  await addCounts(writes, 'funnel_hourly', ['device_id', 'hour', 'pack'], FUNNEL_COUNTERS, funnelRows);
  await addCounts(writes, 'dwell_hourly', ['device_id', 'hour', 'pack', 'bucket'], ['sessions'], dwell.rows());
  // A dwell row's hour is its session's, which has a funnel row too.
  return funnelRows.map((r) => r.hour as number);
}

/**
 * A first redemption: the coupon's session reaches its last step (when the coupon's issue
 * has arrived). `issuedBy` is the kiosk whose key signed the coupon, when the hub knows it.
 */
export async function markRedeemed(trx: Transaction<HubDatabase>, dialect: Dialect, couponId: string, issuedBy: string | null = null): Promise<void> {
  // The session and funnel rows are its kiosk's, which ingest writes holding the kiosk's
  // row lock, in one statement whose writes take their row locks in no set order: taking
  // the same lock first means the two never wait on each other in a cycle. Taken before
  // the coupon is read: an upload storing its Coupon Issued right now has looked for a
  // redemption already and found none, so this must wait for it and see the coupon.
  const lockKiosk = (deviceId: string) => trx.selectFrom('kiosks').select('device_id').where('device_id', '=', deviceId).forUpdate().execute();
  if (dialect === 'postgres' && issuedBy) await lockKiosk(issuedBy);
  const coupon = await trx.selectFrom('coupons').select(['anonymous_id', 'device_id', 'store_id']).where('coupon_id', '=', couponId).executeTakeFirst();
  if (!coupon?.anonymous_id) return;
  if (dialect === 'postgres' && coupon.device_id !== issuedBy) await lockKiosk(coupon.device_id);
  const session = await trx.selectFrom('shopper_sessions').select(['hour', 'pack', 'steps']).where('anonymous_id', '=', coupon.anonymous_id).executeTakeFirst();
  if (!session || (Number(session.steps) & STEPS.coupon_redeemed) !== 0) return;
  await trx.updateTable('shopper_sessions').set({ steps: Number(session.steps) | STEPS.coupon_redeemed }).where('anonymous_id', '=', coupon.anonymous_id).execute();
  const writes = deferredWrites(trx, dialect);
  await addCounts(writes, 'funnel_hourly', ['device_id', 'hour', 'pack'], ['coupon_redeemed'], [{ device_id: coupon.device_id, store_id: coupon.store_id, pack: session.pack, hour: session.hour, coupon_redeemed: 1 }]);
  // Usually a day already over (shoppers redeem later). Marked whatever the day: a redemption is one row, not a stream of uploads.
  await markDaysChanged(writes, [dayOf(session.hour)]);
  await writes.flush();
}
