// Runs a store test on both databases the hub supports: SQLite in a temp folder, and a
// fresh database in a throwaway PostgreSQL cluster (one cluster per test file, one
// database per test). Without PostgreSQL installed the PostgreSQL half fails with the
// command that installs it: CI installs it, and a skip would hide a broken dialect.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { openStore, type HubStore } from '../open-store.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface StoreFixture {
  /** A migrated, empty store for this test (`migrate: false`: an empty database, for a migration's own test). */
  open(options?: { migrate?: boolean }): Promise<HubStore>;
  /** How to open the same database again (another hub process). */
  reopenOptions(): { url?: string; dataDir?: string };
}

let databases = 0;

export function describeEachDatabase(name: string, body: (fixture: StoreFixture, kind: DatabaseKind) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    describe(`${name} (${kind})`, () => {
      let cluster: PgCluster | null = null;
      const opened: HubStore[] = [];
      const dirs: string[] = [];
      let current: { url?: string; dataDir?: string } = {};

      beforeAll(async () => {
        if (kind === 'postgres') cluster = await startPgCluster();
      }, 60_000);
      afterEach(async () => {
        await Promise.all(opened.splice(0).map((s) => s.close()));
      });
      afterAll(async () => {
        await cluster?.stop();
        await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
      });

      body(
        {
          async open(options = {}) {
            if (kind === 'postgres') current = { url: await cluster!.createDatabase(`t${++databases}_${process.pid}`) };
            else {
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
