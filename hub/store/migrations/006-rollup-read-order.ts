// The two largest rollups stored in the order the dashboards read them. Every query on
// event_hourly names the events it counts and a period, so its key starts with the event
// and the hour; every query on scan_daily asks for found or missing codes in a period,
// so its key starts with found and the day. On SQLite both become WITHOUT ROWID tables:
// the rows of one event (or of found codes) in a period lie together and are read
// without a second lookup, and ingest keeps one B-tree per table up to date instead of
// three (table, key, time index). The rows are copied over.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Rollup {
  name: string;
  time: 'hour' | 'day';
  keys: [string, 'text' | 'bigint'][];
  counters: string[];
}

/** Rebuilds `table` with its primary key in `order`; the old table's rows are copied. */
async function rebuild(db: AnyDb, dialect: Dialect, table: Rollup, order: readonly string[], keyName: string): Promise<void> {
  const next = `${table.name}_next`;
  let t = db.schema
    .createTable(next)
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'text', (c) => c.notNull())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn(table.time, 'bigint', (c) => c.notNull());
  for (const [key, type] of table.keys) t = t.addColumn(key, type, (c) => c.notNull());
  for (const counter of table.counters) t = t.addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0));
  t = t.addPrimaryKeyConstraint(keyName, order as never);
  if (dialect === 'sqlite') t = t.modifyEnd(sql`without rowid`);
  await t.execute();
  const columns = sql.join(['device_id', 'store_id', 'pack', table.time, ...table.keys.map(([k]) => k), ...table.counters].map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(next)} (${columns}) select ${columns} from ${sql.table(table.name)}`.execute(db);
  await db.schema.dropTable(table.name).execute();
  await db.schema.alterTable(next).renameTo(table.name).execute();
}

const EVENT_HOURLY: Rollup = { name: 'event_hourly', time: 'hour', keys: [['event', 'text'], ['variant', 'text']], counters: ['count'] };
const SCAN_DAILY: Rollup = { name: 'scan_daily', time: 'day', keys: [['product_id', 'text'], ['found', 'bigint']], counters: ['scans'] };

export function rollupReadOrderSchema(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await rebuild(db, dialect, EVENT_HOURLY, ['event', 'hour', 'device_id', 'pack', 'variant'], 'event_hourly_by_event');
      await rebuild(db, dialect, SCAN_DAILY, ['found', 'day', 'product_id', 'device_id', 'pack'], 'scan_daily_by_day');
      // One kiosk's scans (the kiosk filter) without reading the fleet's.
      await db.schema.createIndex('scan_daily_device').on('scan_daily').columns(['device_id', 'day']).execute();
    },
  };
}
