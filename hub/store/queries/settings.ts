// Hub settings kept in the database (alert thresholds and webhook, the hub's own keys).
import type { HubStore } from '../open-store.ts';

export async function readSetting<T>(store: HubStore, key: string): Promise<T | null> {
  const row = await store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function writeSetting(store: HubStore, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await store.db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}

/** Stores a setting unless one is already there (two processes making it at once: the first stays). */
export async function insertSettingOnce(store: HubStore, key: string, value: unknown): Promise<void> {
  await store.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
