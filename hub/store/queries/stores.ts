// Stores with their opening hours and holidays (kept as JSON, checked by the server).
import type { HubStore } from '../open-store.ts';

export interface StoreRow {
  id: string;
  name: string;
  timezone: string;
  hours: string;
  holidays: string;
}

export async function listStores(store: HubStore): Promise<StoreRow[]> {
  return store.db.selectFrom('stores').select(['id', 'name', 'timezone', 'hours', 'holidays']).orderBy('id').execute();
}

export async function putStore(store: HubStore, s: StoreRow & { now: number }): Promise<void> {
  const values = { name: s.name, timezone: s.timezone, hours: s.hours, holidays: s.holidays, updated_at: s.now };
  await store.db
    .insertInto('stores')
    .values({ id: s.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
