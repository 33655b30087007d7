// What the dashboards read and the tills write: shopper sessions with the funnel steps
// each reached, rollups kept up at ingest (per hour and kiosk: the funnel, dwell times,
// event counts by kind; per day: scans by product, games by campaign and odds), coupons
// as issued, tills and their redemptions, and a flag on events that break the tracking
// plan. Dashboards never scan raw events.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function analyticsSchema(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    pg
      ? table.addColumn('id', 'bigint', (c: ColumnDefinitionBuilder) => c.generatedByDefaultAsIdentity().primaryKey())
      : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
  /** The dimensions every rollup is filtered by: kiosk, its store, the pack on screen, the hour or day. */
  const rollup = (name: string, time: 'hour' | 'day', keys: [string, 'text' | 'bigint'][], counters: string[]) => {
    return async (db: AnyDb) => {
      let t = db.schema
        .createTable(name)
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('pack', 'text', (c) => c.notNull())
        .addColumn(time, 'bigint', (c) => c.notNull());
      for (const [key, type] of keys) t = t.addColumn(key, type, (c) => c.notNull());
      for (const counter of counters) t = t.addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0));
      await t.addPrimaryKeyConstraint(`${name}_pk`, ['device_id', time, 'pack', ...keys.map(([k]) => k)] as never).execute();
      await db.schema.createIndex(`${name}_time`).on(name).columns([time, 'store_id']).execute();
    };
  };

  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('events').addColumn('plan_problem', 'text').execute();
      await sql`CREATE INDEX events_plan_problems ON events (received_at) WHERE plan_problem IS NOT NULL`.execute(db);
      // Tills find the key that signed a coupon by the start of its id.
      await db.schema.alterTable('kiosks').addColumn('coupon_key_id', 'text').execute();
      await db.schema.createIndex('kiosks_coupon_key').on('kiosks').column('coupon_key_id').execute();

      await db.schema
        .createTable('shopper_sessions')
        .addColumn('anonymous_id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('pack', 'text', (c) => c.notNull())
        /** The hour (UTC, epoch ms) the session counts in: when it started. */
        .addColumn('hour', 'bigint', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        /** Funnel steps reached, one bit each (see funnel-steps.ts). */
        .addColumn('steps', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('duration_ms', 'bigint')
        .execute();

      await rollup('funnel_hourly', 'hour', [], ['sessions', 'home', 'scan', 'play', 'offers', 'engaged', 'game_finished', 'coupon_issued', 'coupon_redeemed', 'dwell_ms', 'dwell_sessions'])(db);
      await rollup('dwell_hourly', 'hour', [['bucket', 'bigint']], ['sessions'])(db);
      await rollup('event_hourly', 'hour', [['event', 'text'], ['variant', 'text']], ['count'])(db);
      await rollup('scan_daily', 'day', [['product_id', 'text'], ['found', 'bigint']], ['scans'])(db);
      await rollup('game_daily', 'day', [['game_id', 'text'], ['campaign_id', 'text'], ['odds', 'text']], ['plays', 'completed', 'draws', 'won'])(db);
      // The fleet's sessions per hour now come from funnel_hourly.
      await db.schema.dropTable('kiosk_hourly').execute();

      await db.schema
        .createTable('coupons')
        .addColumn('coupon_id', 'text', (c) => c.primaryKey())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('pack', 'text', (c) => c.notNull())
        .addColumn('campaign_id', 'text', (c) => c.notNull())
        .addColumn('game_id', 'text')
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('reward_kind', 'text', (c) => c.notNull())
        .addColumn('reward_value', 'bigint', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('anonymous_id', 'text')
        .execute();
      await db.schema.createIndex('coupons_campaign').on('coupons').columns(['campaign_id', 'issued_at']).execute();
      await db.schema.createIndex('coupons_kiosk_seq').on('coupons').columns(['kiosk_id', 'seq']).execute();

      await db.schema
        .createTable('tills')
        .addColumn('till_id', 'text', (c) => c.primaryKey())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();

      // Every redemption a till reported, in order; the first of a coupon is the one that counts.
      await withId(db.schema.createTable('redemptions'))
        .addColumn('coupon_id', 'text', (c) => c.notNull())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('campaign_tag', 'text', (c) => c.notNull())
        .addColumn('coupon_seq', 'bigint', (c) => c.notNull())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('till', 'text', (c) => c.notNull())
        /** When the till says it happened (an offline till uploads later). */
        .addColumn('redeemed_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        /** first | again (a second redemption of the same coupon, refused) */
        .addColumn('outcome', 'text', (c) => c.notNull())
        .execute();
      // One first redemption per coupon, enforced by the database: two tills at once cannot both win.
      await sql`CREATE UNIQUE INDEX redemptions_first ON redemptions (coupon_id) WHERE outcome = 'first'`.execute(db);
      await db.schema.createIndex('redemptions_till_at').on('redemptions').columns(['till', 'coupon_id', 'redeemed_at']).execute();
    },
  };
}
