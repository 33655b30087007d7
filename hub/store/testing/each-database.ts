// Runs a store test on both databases the hub supports: SQLite in a temp folder, and a
// fresh database in a throwaway PostgreSQL cluster (the run's one cluster, from
// pg-global-setup.ts, or one of its own where a run has none; one database per test).
// Without PostgreSQL installed the PostgreSQL half fails with the command that installs
// it: CI installs it, and a skip would hide a broken dialect.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import { openStore, type HubStore } from '../open-store.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';
// What the run's global setup provides (its type, declared there).
import type {} from './pg-global-setup.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface StoreFixture {
  /** A migrated, empty store for this test (`migrate: false`: an empty database, for a migration's own test). */
  open(options?: { migrate?: boolean }): Promise<HubStore>;
  /** How to open the same database again (another hub process). */
  reopenOptions(): { url?: string; dataDir?: string };
}

/** Runs `statements` in the run's cluster, connected to its maintenance database. */
async function administer(server: string, statements: readonly string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: `${server}postgres` });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export function describeEachDatabase(name: string, body: (fixture: StoreFixture, kind: DatabaseKind) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe(`${name} (${kind})`, () => {
      const shared = inject('hubPgServer') ?? null;
      let cluster: PgCluster | null = null;
      const opened: HubStore[] = [];
      const dirs: string[] = [];
      /** Databases this block made in the run's cluster, dropped when it ends. */
      const made: string[] = [];
      let current: { url?: string; dataDir?: string } = {};

      beforeAll(async () => {
        if (kind === 'postgres' && !shared) cluster = await startPgCluster();
      }, 60_000);
      afterEach(async () => {
        await Promise.all(opened.splice(0).map((s) => s.close()));
      });
      afterAll(async () => {
        await cluster?.stop();
        if (shared && made.length > 0) await administer(shared, made.map((name) => `drop database if exists "${name}" with (force)`));
        await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
      });

      body(
        {
          async open(options = {}) {
            if (kind === 'postgres') {
              // Unique across the run: test files share the cluster, and a worker process runs many files.
              const name = `t${randomUUID().replaceAll('-', '')}`;
              if (shared) {
                await administer(shared, [`create database "${name}"`]);
                made.push(name);
              }
              current = { url: shared ? `${shared}${name}` : await cluster!.createDatabase(name) };
            } else {
              const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-sqlite-'));
              dirs.push(dir);
              current = { dataDir: dir };
            }
            const store = await openStore({ ...current, ...options });
            opened.push(store);
            return store;
          },
          reopenOptions: () => current,
        },
        kind,
      );
    });
  }
}
