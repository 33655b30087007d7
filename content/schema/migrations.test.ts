import { describe, expect, it } from 'vitest';
import { migrateFile, planMigration, type SchemaMigration } from './migrations.ts';

// Two steps as a future format might need them: v1 → v2 renames a field of every
// product; v2 → v3 adds a default to branding.
const steps: SchemaMigration[] = [
  {
    from: 1,
    to: 2,
    describe: 'products: "unit" becomes "packSize"',
    files: {
      'catalog-shard': (v) => {
        const shard = v as { products: Record<string, Record<string, unknown>> };
        for (const p of Object.values(shard.products)) {
          p.packSize = p.unit;
          delete p.unit;
        }
        return shard;
      },
    },
  },
  { from: 2, to: 3, describe: 'branding gains "theme"', files: { branding: (v) => ({ theme: 'light', ...(v as object) }) } },
];

describe('forward migrations of the pack format', () => {
  it('carries a version-1 pack through every step to the current version, in order', () => {
    const plan = planMigration(1, 3, steps);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.steps.map((s) => s.to)).toEqual([2, 3]);
    expect(migrateFile(plan, 'catalog-shard', { products: { a: { unit: '500 g' } }, codes: {} })).toEqual({ products: { a: { packSize: '500 g' } }, codes: {} });
    expect(migrateFile(plan, 'branding', { storeName: 'x' })).toEqual({ theme: 'light', storeName: 'x' });
    expect(migrateFile(plan, 'manifest', { schemaVersion: 1, packId: 'p' })).toEqual({ schemaVersion: 3, packId: 'p' });
    expect(migrateFile(plan, 'games', [{ id: 'g' }])).toEqual([{ id: 'g' }]);
  });

  it('leaves a current pack untouched', () => {
    const plan = planMigration(3, 3, steps);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.steps).toHaveLength(0);
    const manifest = { schemaVersion: 3, packId: 'p' };
    expect(migrateFile(plan, 'manifest', manifest)).toBe(manifest);
  });

  it('refuses a newer version, a gap in the chain and a version that is not a number', () => {
    expect(planMigration(4, 3, steps)).toEqual({ error: 'schema version 4 is newer than this software understands (3)' });
    expect(planMigration(1, 3, [steps[1]!])).toEqual({ error: 'no migration from schema version 1 to 2' });
    expect(planMigration('1', 3, steps)).toMatchObject({ error: expect.stringMatching(/whole number/) });
  });
});
