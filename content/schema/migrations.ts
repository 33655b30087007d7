// Forward migrations of the pack format. A kiosk (or the merchandiser's tool) that
// knows schema version N accepts a pack made for any earlier version: each step turns
// version n's JSON into version n+1's, before the current schema checks it. A pack from
// a newer version is refused — older software cannot know what it means.
//
// Version 1 is the first published format, so the list is empty until version 2
// changes something; a step then goes here, with a test that reads a version-1 pack.
// A field added as optional with a default needs no step — a version-1 file is still
// a valid file: the campaign limits capPerSession and cooldownSec came that way
// (campaign.test.ts reads a campaign written before them).

/** The JSON files of a pack a step may rewrite. */
export type MigratedFile = 'manifest' | 'branding' | 'categories' | 'promotions' | 'campaigns' | 'games' | 'playlists' | 'catalog-index' | 'catalog-shard';

export interface SchemaMigration {
  from: number;
  to: number;
  /** What changed, for the log and the admin screen. */
  describe: string;
  /** Rewrites one file's JSON of version `from` into version `to`; files not listed stay as they are. */
  files: Partial<Record<MigratedFile, (value: unknown) => unknown>>;
}

export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [];

export interface MigrationPlan {
  from: number;
  to: number;
  steps: readonly SchemaMigration[];
}

/**
 * The steps from `from` up to `current`, or an error message: a version newer than
 * `current`, or a gap in the chain (a missing step is a bug, never skipped over).
 */
export function planMigration(from: unknown, current: number, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): MigrationPlan | { error: string } {
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { error: `schemaVersion must be a whole number (found ${JSON.stringify(from)})` };
  if (from > current) return { error: `schema version ${from} is newer than this software understands (${current})` };
  const steps: SchemaMigration[] = [];
  for (let v = from; v < current; v++) {
    const step = migrations.find((m) => m.from === v && m.to === v + 1);
    if (!step) return { error: `no migration from schema version ${v} to ${v + 1}` };
    steps.push(step);
  }
  return { from, to: current, steps };
}

/** One file's JSON, carried through every step of the plan. */
export function migrateFile(plan: MigrationPlan, file: MigratedFile, value: unknown): unknown {
  let out = value;
  for (const step of plan.steps) {
    const change = step.files[file];
    if (change) out = change(out);
  }
  if (file === 'manifest' && plan.steps.length > 0 && out !== null && typeof out === 'object') {
    return { ...(out as Record<string, unknown>), schemaVersion: plan.to };
  }
  return out;
}
