// Runs the hub's migrations: one set, each given the dialect, applied in order and
// recorded in kysely_migration. Several hub processes starting at once on PostgreSQL
// take Kysely's migration lock, so only one applies them.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { HubStore } from './open-store.ts';
import { initialSchema } from './migrations/001-initial.ts';
import { analyticsSchema } from './migrations/002-analytics.ts';
import { packsSchema } from './migrations/003-packs.ts';
import { packDraftsSchema } from './migrations/004-pack-drafts.ts';
import { commandLogsSchema } from './migrations/005-command-logs.ts';
import { rollupReadOrderSchema } from './migrations/006-rollup-read-order.ts';
import { eventsWithoutSeqIndexSchema } from './migrations/007-events-without-seq-index.ts';
import { dailyRollupsSchema } from './migrations/008-daily-rollups.ts';

export function migrationsFor(dialect: HubStore['dialect']): Record<string, Migration> {
  return {
    '001-initial': initialSchema(dialect),
    '002-analytics': analyticsSchema(dialect),
    '003-packs': packsSchema(dialect),
    '004-pack-drafts': packDraftsSchema(dialect),
    '005-command-logs': commandLogsSchema(dialect),
    '006-rollup-read-order': rollupReadOrderSchema(dialect),
    '007-events-without-seq-index': eventsWithoutSeqIndexSchema(dialect),
    '008-daily-rollups': dailyRollupsSchema(dialect),
  };
}

export async function migrateToLatest(store: HubStore): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(store.dialect) };
  const { error, results } = await new Migrator({ db: store.db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new Error(`The hub database could not be brought up to date (${failed}): ${error instanceof Error ? error.message : String(error)}`);
  }
}
