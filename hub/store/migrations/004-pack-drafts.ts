// Pack drafts: packs a merchandiser builds in the console. The draft's files (pack.json,
// data/, media/) live in the hub's pack folder; the row says what the draft is, who
// started and last changed it, and what it last built. Drafts outlive a restart.
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function packDraftsSchema(_dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('pack_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        /** {zh, en}, JSON. */
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('started_from', 'text', (c) => c.notNull())
        .addColumn('product_count', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        /** {packId, version, at} of the last build, JSON; null before the first. */
        .addColumn('last_build', 'text')
        .execute();
      await db.schema.createIndex('pack_drafts_updated').on('pack_drafts').column('updated_at').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('pack_drafts').execute();
    },
  };
}
