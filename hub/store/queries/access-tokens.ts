// Personal access tokens: a script acting as its console user (`pt_<id>_<secret>`).
// Only the SHA-256 of the secret is kept.
import type { HubStore } from '../open-store.ts';
import type { AccessTokenTable } from '../schema.ts';

export interface AccessTokenRecord {
  id: string;
  userId: number;
  name: string;
  secretHash: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const toRecord = (r: AccessTokenTable): AccessTokenRecord => ({
  id: r.id,
  userId: Number(r.user_id),
  name: r.name,
  secretHash: r.secret_hash,
  createdAt: Number(r.created_at),
  lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
  revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
});

export async function createAccessToken(store: HubStore, t: Omit<AccessTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<AccessTokenRecord> {
  const row = await store.db
    .insertInto('access_tokens')
    .values({ id: t.id, user_id: t.userId, name: t.name, secret_hash: t.secretHash, created_at: t.createdAt, last_used_at: null, revoked_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function accessTokenById(store: HubStore, id: string): Promise<AccessTokenRecord | null> {
  const row = await store.db.selectFrom('access_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listAccessTokens(store: HubStore, userId: number): Promise<AccessTokenRecord[]> {
  return (await store.db.selectFrom('access_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute()).map(toRecord);
}

/** Revokes one of the user's tokens; null when the user has no such token. */
export async function revokeAccessToken(store: HubStore, userId: number, id: string, now: number): Promise<AccessTokenRecord | null> {
  await store.db.updateTable('access_tokens').set({ revoked_at: now }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  const token = await accessTokenById(store, id);
  return token && token.userId === userId ? token : null;
}

/** Notes a use, at most once a minute per token. */
export async function touchAccessToken(store: HubStore, id: string, now: number): Promise<void> {
  await store.db
    .updateTable('access_tokens')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', now - 60_000)]))
    .execute();
}
