// Uploaded content packs (their files are in the pack folder; a row says what each is)
// and the merchandising keys an admin added.
import type { HubStore } from '../open-store.ts';
import type { PackTable } from '../schema.ts';

export interface PackRecord {
  id: string;
  packId: string;
  version: string;
  sha256: string;
  bytes: number;
  title: { zh: string; en: string };
  signedBy: string;
  keyId: string;
  uploadedAt: number;
  uploadedBy: string;
  productCount: number;
  validFrom: string | null;
  validTo: string | null;
  targets: { stores: string[]; kiosks: string[] };
}

const toRecord = (r: PackTable): PackRecord => ({
  id: r.id,
  packId: r.pack_id,
  version: r.version,
  sha256: r.sha256,
  bytes: Number(r.bytes),
  title: JSON.parse(r.title) as PackRecord['title'],
  signedBy: r.signed_by,
  keyId: r.key_id,
  uploadedAt: Number(r.uploaded_at),
  uploadedBy: r.uploaded_by,
  productCount: Number(r.product_count),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  targets: JSON.parse(r.targets) as PackRecord['targets'],
});

/**
 * Stores a checked pack. Returns the stored row, or the row already there when another
 * upload holds the same packId@version or the same bytes (the caller tells which).
 */
export async function insertPack(store: HubStore, p: PackRecord): Promise<{ inserted: boolean; pack: PackRecord }> {
  const result = await store.db
    .insertInto('packs')
    .values({
      id: p.id,
      pack_id: p.packId,
      version: p.version,
      sha256: p.sha256,
      bytes: p.bytes,
      title: JSON.stringify(p.title),
      signed_by: p.signedBy,
      key_id: p.keyId,
      uploaded_at: p.uploadedAt,
      uploaded_by: p.uploadedBy,
      product_count: p.productCount,
      valid_from: p.validFrom,
      valid_to: p.validTo,
      targets: JSON.stringify(p.targets),
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { inserted: true, pack: p };
  const existing = (await packByVersion(store, p.packId, p.version)) ?? (await packBySha(store, p.sha256));
  if (!existing) throw new Error(`pack ${p.packId}@${p.version} was neither stored nor found`);
  return { inserted: false, pack: existing };
}

export async function packById(store: HubStore, id: string): Promise<PackRecord | null> {
  const row = await store.db.selectFrom('packs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function packBySha(store: HubStore, sha256: string): Promise<PackRecord | null> {
  const row = await store.db.selectFrom('packs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function packByVersion(store: HubStore, packId: string, version: string): Promise<PackRecord | null> {
  const row = await store.db.selectFrom('packs').selectAll().where('pack_id', '=', packId).where('version', '=', version).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Newest first. */
export async function listPacks(store: HubStore): Promise<PackRecord[]> {
  return (await store.db.selectFrom('packs').selectAll().orderBy('uploaded_at', 'desc').orderBy('id', 'desc').execute()).map(toRecord);
}

export async function deletePack(store: HubStore, id: string): Promise<boolean> {
  const result = await store.db.deleteFrom('packs').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ── trusted keys an admin added ─────────────────────────────────────────────────────

export interface PackKeyRecord {
  keyId: string;
  name: string;
  publicKey: string;
  addedBy: string;
  addedAt: number;
}

export async function listPackKeys(store: HubStore): Promise<PackKeyRecord[]> {
  const rows = await store.db.selectFrom('pack_keys').selectAll().orderBy('added_at').orderBy('key_id').execute();
  return rows.map((r) => ({ keyId: r.key_id, name: r.name, publicKey: r.public_key, addedBy: r.added_by, addedAt: Number(r.added_at) }));
}

/** False when a key with this id is already trusted. */
export async function addPackKey(store: HubStore, k: PackKeyRecord): Promise<boolean> {
  const result = await store.db
    .insertInto('pack_keys')
    .values({ key_id: k.keyId, name: k.name, public_key: k.publicKey, added_by: k.addedBy, added_at: k.addedAt })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removePackKey(store: HubStore, keyId: string): Promise<PackKeyRecord | null> {
  const row = await store.db.deleteFrom('pack_keys').where('key_id', '=', keyId).returningAll().executeTakeFirst();
  return row ? { keyId: row.key_id, name: row.name, publicKey: row.public_key, addedBy: row.added_by, addedAt: Number(row.added_at) } : null;
}
