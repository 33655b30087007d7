// Content packs in the hub: the packs uploaded (their files live in the pack folder, the
// rows say what each is), the merchandising keys an admin added, personal access tokens
// for scripts (kiosk-pack publish), kiosk groups, and rollouts — which pack goes to which
// stores and groups from when, staged, promoted or rolled back.
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '../open-store.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export function packsSchema(dialect: Dialect): Migration {
  const pg = dialect === 'postgres';
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    pg
      ? table.addColumn('id', 'bigint', (c: ColumnDefinitionBuilder) => c.generatedByDefaultAsIdentity().primaryKey())
      : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());

  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('packs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        /** {zh, en}, JSON. */
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('signed_by', 'text', (c) => c.notNull())
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('product_count', 'bigint', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        /** {stores, kiosks}, JSON. */
        .addColumn('targets', 'text', (c) => c.notNull())
        .addUniqueConstraint('packs_version', ['pack_id', 'version'])
        .execute();

      await db.schema
        .createTable('pack_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('access_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        /** SHA-256 of the secret half, hex. */
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('access_tokens_user').on('access_tokens').column('user_id').execute();

      /** JSON array of group names. */
      await db.schema.alterTable('kiosks').addColumn('groups', 'text', (c) => c.notNull().defaultTo('[]')).execute();

      await withId(db.schema.createTable('rollouts'))
        /** packs.id; pack_id and version kept too, for the history once the upload is deleted. */
        .addColumn('pack', 'text', (c) => c.notNull())
        .addColumn('pack_id', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        /** JSON arrays: stores and groups covered (both empty: every kiosk). */
        .addColumn('stores', 'text', (c) => c.notNull())
        .addColumn('groups', 'text', (c) => c.notNull())
        /** RolloutStaging, JSON. */
        .addColumn('staging', 'text', (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('percent', 'bigint')
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('promoted_at', 'bigint')
        .addColumn('rolled_back_at', 'bigint')
        .addColumn('rolled_back_by', 'text')
        .execute();
      await db.schema.createIndex('rollouts_pack').on('rollouts').column('pack').execute();
    },
  };
}
