// Opens the hub's database: SQLite in the data folder by default (WAL, synchronous=FULL:
// an event is on disk before a kiosk hears it was accepted), or PostgreSQL when given a
// postgres:// URL. One Kysely instance over either, migrated to the current schema.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import { PreparingClient } from './pg-prepared.ts';
import type { HubDatabase } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface HubStore {
  db: Kysely<HubDatabase>;
  dialect: Dialect;
  /** Where it lives, for the start-up message: a file path or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** postgres://… for PostgreSQL; otherwise SQLite in `dataDir`. */
  url?: string | undefined;
  /** Folder for the SQLite file (created when missing). */
  dataDir?: string;
  /** Most connections one hub process opens to PostgreSQL. */
  poolSize?: number;
  /** Skip migrations (a benchmark opening a second handle on a migrated database). */
  migrate?: boolean;
}

export const SQLITE_FILE = 'hub.sqlite';

/** PostgreSQL bigint and numeric as numbers: times in ms and counters fit in 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * better-sqlite3 with its prepared statements kept: Kysely prepares every query it runs,
 * and the hub runs the same few shapes of query all day.
 */
function withStatementCache(db: Database.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last: the oldest goes first when the cache is full.
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}

export async function openStore(options: OpenStoreOptions): Promise<HubStore> {
  let store: HubStore;
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      Client: PreparingClient,
      max: options.poolSize ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A dropped connection must not take the process down; the next query reports it.
    pool.on('error', () => undefined);
    const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', location: redactUrl(options.url), close: () => db.destroy() };
  } else {
    if (options.url) throw new Error(`HUB_DATABASE_URL must start with postgres:// (got ${redactUrl(options.url)}); leave it unset for the embedded SQLite database`);
    const dir = options.dataDir ?? 'hub-data';
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, SQLITE_FILE);
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    store = { db, dialect: 'sqlite', location: path.resolve(file), close: () => db.destroy() };
  }
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
