// Daily rollups, built from the hourly ones by a background job once a day is over, so
// that a month's dashboard reads 30 rows per kiosk instead of 720. The same keys as the
// hourly tables with the day (UTC, epoch ms of its start) instead of the hour; product
// scans also summed per store and over the fleet, since they are read per product over
// every kiosk. rollup_days says which days are built, and whether a late upload changed
// one after it was built. Each table's key is in the order its dashboards read it: the
// day range first, then the store — after the event, or the found flag, that every query
// on those tables names. On SQLite they are WITHOUT ROWID tables (see 006).
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

type Column = [name: string, type: 'text' | 'bigint'];

const FUNNEL_COUNTERS = ['sessions', 'home', 'scan', 'play', 'offers', 'engaged', 'game_finished', 'coupon_issued', 'coupon_redeemed', 'dwell_ms', 'dwell_sessions'];
const ROLLUP_KEY: Column[] = [['day', 'bigint'], ['store_id', 'text'], ['device_id', 'text'], ['pack', 'text']];

async function createRollup(db: AnyDb, dialect: Dialect, name: string, keys: Column[], counters: string[], order: string[]): Promise<void> {
  let t = db.schema.createTable(name);
  for (const [key, type] of keys) t = t.addColumn(key, type, (c) => c.notNull());
  for (const counter of counters) t = t.addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0));
  t = t.addPrimaryKeyConstraint(`${name}_pk`, order as never);
  if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
  await t.execute();
}

export function dailyRollupsSchema(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await createRollup(db, dialect, 'funnel_daily', ROLLUP_KEY, FUNNEL_COUNTERS, ['day', 'store_id', 'device_id', 'pack']);
      await createRollup(db, dialect, 'dwell_daily', [...ROLLUP_KEY, ['bucket', 'bigint']], ['sessions'], ['day', 'store_id', 'device_id', 'pack', 'bucket']);
      await createRollup(db, dialect, 'event_daily', [...ROLLUP_KEY, ['event', 'text'], ['variant', 'text']], ['count'], ['event', 'day', 'store_id', 'device_id', 'pack', 'variant']);
      // A store's scans (the store filter, a store manager's stores) without the fleet's.
      await createRollup(db, dialect, 'scan_store_daily', [['day', 'bigint'], ['store_id', 'text'], ['pack', 'text'], ['product_id', 'text'], ['found', 'bigint']], ['scans'], ['store_id', 'found', 'day', 'product_id', 'pack']);
      await createRollup(db, dialect, 'scan_fleet_daily', [['day', 'bigint'], ['pack', 'text'], ['product_id', 'text'], ['found', 'bigint']], ['scans'], ['found', 'day', 'product_id', 'pack']);
      // A rebuild deletes one day's rows from the tables whose key does not start with the day.
      await db.schema.createIndex('event_daily_day').on('event_daily').column('day').execute();
      await db.schema.createIndex('scan_store_daily_day').on('scan_store_daily').column('day').execute();

      await db.schema
        .createTable('rollup_days')
        .addColumn('day', 'bigint', (c) => c.primaryKey())
        /** Uploads that changed the day's hourly counts since it was last built (0: up to date). */
        .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
        /** When its daily rows were last built (null: never). */
        .addColumn('built', 'bigint')
        .execute();
    },
    async down(db: AnyDb) {
      for (const table of ['rollup_days', 'scan_fleet_daily', 'scan_store_daily', 'event_daily', 'dwell_daily', 'funnel_daily']) await db.schema.dropTable(table).execute();
    },
  };
}
