// Console accounts, their sessions and the one-time link that makes the first admin.
// Passwords and session ids are stored only as hashes (the server makes them).
import type { HubStore } from '../open-store.ts';
import type { Updateable } from 'kysely';
import type { UserTable } from '../schema.ts';

export type Role = UserTable['role'];

export interface UserRecord {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  storeIds: string[] | null;
  disabled: boolean;
  createdAt: number;
  failedLogins: number;
  lockedUntil: number | null;
}

type UserRow = { id: number; username: string; password_hash: string; role: Role; store_ids: string | null; disabled: number; created_at: number; failed_logins: number; locked_until: number | null };

const toUser = (r: UserRow): UserRecord => ({
  id: Number(r.id),
  username: r.username,
  passwordHash: r.password_hash,
  role: r.role,
  storeIds: r.store_ids === null ? null : (JSON.parse(r.store_ids) as string[]),
  disabled: Number(r.disabled) === 1,
  createdAt: r.created_at,
  failedLogins: Number(r.failed_logins),
  lockedUntil: r.locked_until,
});

export async function countUsers(store: HubStore): Promise<number> {
  const row = await store.db.selectFrom('users').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createUser(store: HubStore, u: { username: string; passwordHash: string; role: Role; storeIds: string[] | null; now: number }): Promise<UserRecord> {
  const row = await store.db
    .insertInto('users')
    .values({ username: u.username, password_hash: u.passwordHash, role: u.role, store_ids: u.storeIds ? JSON.stringify(u.storeIds) : null, created_at: u.now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row as UserRow);
}

export async function userByName(store: HubStore, username: string): Promise<UserRecord | null> {
  const row = await store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? toUser(row as UserRow) : null;
}

export async function userById(store: HubStore, id: number): Promise<UserRecord | null> {
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row as UserRow) : null;
}

export async function listUsers(store: HubStore): Promise<UserRecord[]> {
  const rows = await store.db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map((r) => toUser(r as UserRow));
}

export async function updateUser(
  store: HubStore,
  id: number,
  change: { role?: Role; storeIds?: string[] | null; passwordHash?: string; disabled?: boolean },
): Promise<UserRecord | null> {
  const set: Updateable<UserTable> = {};
  if (change.role) set.role = change.role;
  if (change.storeIds !== undefined) set.store_ids = change.storeIds ? JSON.stringify(change.storeIds) : null;
  if (change.passwordHash) Object.assign(set, { password_hash: change.passwordHash, failed_logins: 0, locked_until: null });
  if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
  if (Object.keys(set).length > 0) await store.db.updateTable('users').set(set).where('id', '=', id).execute();
  if (change.disabled || change.passwordHash) await store.db.deleteFrom('sessions').where('user_id', '=', id).execute();
  return userById(store, id);
}

/** Records a wrong password; locks the account once `maxFailures` is reached. */
export async function recordFailedLogin(store: HubStore, id: number, maxFailures: number, lockUntil: number): Promise<UserRecord | null> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select('failed_logins').where('id', '=', id).executeTakeFirst();
    if (!row) return;
    const failures = Number(row.failed_logins) + 1;
    await trx
      .updateTable('users')
      .set(failures >= maxFailures ? { failed_logins: 0, locked_until: lockUntil } : { failed_logins: failures })
      .where('id', '=', id)
      .execute();
  });
  return userById(store, id);
}

export async function recordGoodLogin(store: HubStore, id: number): Promise<void> {
  await store.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export interface SessionRecord {
  userId: number;
  csrfToken: string;
  expiresAt: number;
}

export async function createSession(store: HubStore, s: { idHash: string; userId: number; csrfToken: string; now: number; expiresAt: number }): Promise<void> {
  await store.db.insertInto('sessions').values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now }).execute();
}

export async function sessionByHash(store: HubStore, idHash: string, now: number): Promise<SessionRecord | null> {
  const row = await store.db.selectFrom('sessions').select(['user_id', 'csrf_token', 'expires_at']).where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
  return row ? { userId: Number(row.user_id), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
}

/** Slides a session's expiry forward while it is used. */
export async function touchSession(store: HubStore, idHash: string, now: number, expiresAt: number): Promise<void> {
  await store.db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(store: HubStore, idHash: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function pruneSessions(store: HubStore, now: number): Promise<void> {
  await store.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function createSetupToken(store: HubStore, t: { tokenHash: string; now: number; expiresAt: number }): Promise<void> {
  await store.db.insertInto('setup_tokens').values({ token_hash: t.tokenHash, created_at: t.now, expires_at: t.expiresAt, used_at: null }).execute();
}

export async function setupTokenValid(store: HubStore, tokenHash: string, now: number): Promise<boolean> {
  const row = await store.db.selectFrom('setup_tokens').select('token_hash').where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return row !== undefined;
}

/** Uses a set-up token once: true when this call used it. */
export async function useSetupToken(store: HubStore, tokenHash: string, now: number): Promise<boolean> {
  const result = await store.db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
