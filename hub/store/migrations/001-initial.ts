// The hub's first schema, for either database. PostgreSQL partitions events by day of
// arrival (partitions are made as days come, see event-partitions.ts); a unique key on a
// partitioned table must include the partition key, so there exactly-once by messageId
// lives in a table of its own, event_ids. SQLite keeps events in one table, unique by
// messageId, and stores each event with one row.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// Migrations describe the tables as they were then, not as schema.ts says today.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function initialSchema(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const blob = pg ? 'bytea' : 'blob';
  /** An auto-numbered primary key. */
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    pg
      ? table.addColumn('id', 'bigint', (c: ColumnDefinitionBuilder) => c.generatedByDefaultAsIdentity().primaryKey())
      : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());

  return {
    async up(db: AnyDb) {
      if (pg) {
        await db.schema
          .createTable('event_ids')
          .addColumn('message_id', 'text', (c) => c.primaryKey())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .execute();
        await sql`CREATE TABLE events (
          message_id text NOT NULL,
          device_id text NOT NULL,
          seq bigint,
          event text NOT NULL,
          original_at bigint,
          received_at bigint NOT NULL,
          body text NOT NULL
        ) PARTITION BY RANGE (received_at)`.execute(db);
      } else {
        await db.schema
          .createTable('events')
          .addColumn('message_id', 'text', (c) => c.notNull().unique())
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint')
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('original_at', 'bigint')
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();
      }
      await db.schema.createIndex('events_device_seq').on('events').columns(['device_id', 'seq']).execute();
      await db.schema.createIndex('events_received').on('events').column('received_at').execute();

      await withId(db.schema.createTable('rejected_events'))
        .addColumn('message_id', 'text')
        .addColumn('device_id', 'text')
        .addColumn('seq', 'bigint')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rejected_events_device').on('rejected_events').columns(['device_id', 'received_at']).execute();

      for (const table of ['seq_ranges', 'dropped_ranges']) {
        await db.schema
          .createTable(table)
          .addColumn('device_id', 'text', (c) => c.notNull())
          .addColumn('from_seq', 'bigint', (c) => c.notNull())
          .addColumn('to_seq', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['device_id', 'from_seq'])
          .execute();
      }

      await db.schema
        .createTable('kiosks')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_id', 'text', (c) => c.unique())
        .addColumn('token_hash', 'text')
        .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('app_version', 'text')
        .addColumn('platform', 'text')
        .addColumn('coupon_key', 'text')
        .addColumn('last_heartbeat_at', 'bigint')
        .addColumn('heartbeat', 'text')
        .addColumn('last_event_at', 'bigint')
        .addColumn('seq_gaps', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('gaps_since', 'bigint')
        .addColumn('crash_marks', 'text')
        .execute();
      await db.schema.createIndex('kiosks_store').on('kiosks').column('store_id').execute();

      await db.schema
        .createTable('kiosk_health')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('outbox_depth', 'bigint')
        .addColumn('js_heap_bytes', 'bigint')
        .addColumn('fps', 'real')
        .addPrimaryKeyConstraint('kiosk_health_pk', ['device_id', 'at'])
        .execute();

      await db.schema
        .createTable('kiosk_hourly')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('hour', 'bigint', (c) => c.notNull())
        .addColumn('sessions', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('events', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('kiosk_hourly_pk', ['device_id', 'hour'])
        .execute();

      await withId(db.schema.createTable('enrolment_secrets'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('kiosk_name', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('uses', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('revoked_at', 'bigint')
        .execute();

      await db.schema
        .createTable('commands')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('delivered_at', 'bigint')
        .addColumn('finished_at', 'bigint')
        .addColumn('message', 'text')
        .addColumn('screenshot', blob)
        .addColumn('screenshot_width', 'bigint')
        .addColumn('screenshot_height', 'bigint')
        .execute();
      await db.schema.createIndex('commands_device_state').on('commands').columns(['device_id', 'state']).execute();
      await db.schema.createIndex('commands_created').on('commands').column('created_at').execute();

      await db.schema
        .createTable('stores')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('hours', 'text', (c) => c.notNull())
        .addColumn('holidays', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('users'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('store_ids', 'text')
        .addColumn('disabled', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('failed_logins', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'bigint')
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('setup_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();

      await withId(db.schema.createTable('audit_log'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await withId(db.schema.createTable('alerts'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('store_id', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('resolved_at', 'bigint')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('notified_open', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('notified_resolved', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      // One open alert of a kind per kiosk: raising it again is a no-op.
      await sql`CREATE UNIQUE INDEX alerts_open ON alerts (kind, device_id) WHERE resolved_at IS NULL`.execute(db);
      await db.schema.createIndex('alerts_opened').on('alerts').column('opened_at').execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
