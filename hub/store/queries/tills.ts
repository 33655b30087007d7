// Till credentials: a till's id and the hash of its secret (`tl_<id>_<secret>`).
import type { HubStore } from '../open-store.ts';

export interface TillRecord {
  tillId: string;
  storeId: string;
  name: string;
  tokenHash: string;
  createdAt: number;
  createdBy: string;
  revokedAt: number | null;
}

const toRecord = (r: { till_id: string; store_id: string; name: string; token_hash: string; created_at: number; created_by: string; revoked_at: number | null }): TillRecord => ({
  tillId: r.till_id,
  storeId: r.store_id,
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});

export async function createTill(store: HubStore, t: { tillId: string; storeId: string; name: string; tokenHash: string; createdBy: string; now: number }): Promise<TillRecord> {
  const row = await store.db
    .insertInto('tills')
    .values({ till_id: t.tillId, store_id: t.storeId, name: t.name, token_hash: t.tokenHash, created_by: t.createdBy, created_at: t.now, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function tillById(store: HubStore, tillId: string): Promise<TillRecord | null> {
  const row = await store.db.selectFrom('tills').selectAll().where('till_id', '=', tillId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listTills(store: HubStore): Promise<TillRecord[]> {
  return (await store.db.selectFrom('tills').selectAll().orderBy('store_id').orderBy('name').execute()).map(toRecord);
}

export async function revokeTill(store: HubStore, tillId: string, now: number): Promise<TillRecord | null> {
  await store.db.updateTable('tills').set({ revoked_at: now }).where('till_id', '=', tillId).where('revoked_at', 'is', null).execute();
  return tillById(store, tillId);
}
