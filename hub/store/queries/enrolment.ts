// Enrolment codes (one kiosk each) and tokens (a roll-out): kept as hashes; using one
// counts it, atomically, so a code is never used twice.
import type { HubStore } from '../open-store.ts';

export interface EnrolmentSecretRecord {
  id: number;
  kind: 'code' | 'token';
  storeId: string;
  kioskName: string | null;
  createdAt: number;
  createdBy: string;
  expiresAt: number;
  uses: number;
  revokedAt: number | null;
}

type Row = { id: number; kind: 'code' | 'token'; store_id: string; kiosk_name: string | null; created_at: number; created_by: string; expires_at: number; uses: number; revoked_at: number | null };
const toRecord = (r: Row): EnrolmentSecretRecord => ({
  id: Number(r.id),
  kind: r.kind,
  storeId: r.store_id,
  kioskName: r.kiosk_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  uses: Number(r.uses),
  revokedAt: r.revoked_at,
});
const COLUMNS = ['id', 'kind', 'store_id', 'kiosk_name', 'created_at', 'created_by', 'expires_at', 'uses', 'revoked_at'] as const;

export async function createEnrolmentSecret(
  store: HubStore,
  s: { kind: 'code' | 'token'; secretHash: string; storeId: string; kioskName: string | null; createdBy: string; now: number; expiresAt: number },
): Promise<EnrolmentSecretRecord> {
  const row = await store.db
    .insertInto('enrolment_secrets')
    .values({ kind: s.kind, secret_hash: s.secretHash, store_id: s.storeId, kiosk_name: s.kioskName, created_by: s.createdBy, created_at: s.now, expires_at: s.expiresAt })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row as Row);
}

export async function listEnrolmentSecrets(store: HubStore): Promise<EnrolmentSecretRecord[]> {
  const rows = await store.db.selectFrom('enrolment_secrets').select(COLUMNS).orderBy('created_at', 'desc').limit(500).execute();
  return rows.map((r) => toRecord(r as Row));
}

export async function revokeEnrolmentSecret(store: HubStore, id: number, now: number): Promise<EnrolmentSecretRecord | null> {
  await store.db.updateTable('enrolment_secrets').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  const row = await store.db.selectFrom('enrolment_secrets').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row as Row) : null;
}

/**
 * Uses an enrolment secret: counts the use when it is good (not expired, not revoked, and
 * for a code not used before) and returns it; null when it cannot enrol a kiosk.
 */
export async function useEnrolmentSecret(store: HubStore, secretHash: string, now: number): Promise<EnrolmentSecretRecord | null> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('enrolment_secrets')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .where((eb) => eb.or([eb('kind', '=', 'token'), eb('uses', '=', 0)]))
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toRecord(row as Row) : null;
  });
}
