// Pack drafts: one row per draft (its files are in the hub's pack folder).
import type { HubStore } from '../open-store.ts';
import type { PackDraftTable } from '../schema.ts';

export interface PackDraftRecord {
  id: string;
  name: string;
  packId: string;
  version: string;
  title: { zh: string; en: string };
  startedFrom: string;
  productCount: number;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
  updatedBy: string;
  lastBuild: { packId: string; version: string; at: number } | null;
}

const toRecord = (r: PackDraftTable): PackDraftRecord => ({
  id: r.id,
  name: r.name,
  packId: r.pack_id,
  version: r.version,
  title: JSON.parse(r.title) as PackDraftRecord['title'],
  startedFrom: r.started_from,
  productCount: Number(r.product_count),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  updatedAt: Number(r.updated_at),
  updatedBy: r.updated_by,
  lastBuild: r.last_build === null ? null : (JSON.parse(r.last_build) as PackDraftRecord['lastBuild']),
});

export async function insertDraft(store: HubStore, d: PackDraftRecord): Promise<void> {
  await store.db
    .insertInto('pack_drafts')
    .values({
      id: d.id,
      name: d.name,
      pack_id: d.packId,
      version: d.version,
      title: JSON.stringify(d.title),
      started_from: d.startedFrom,
      product_count: d.productCount,
      created_at: d.createdAt,
      created_by: d.createdBy,
      updated_at: d.updatedAt,
      updated_by: d.updatedBy,
      last_build: d.lastBuild === null ? null : JSON.stringify(d.lastBuild),
    })
    .execute();
}

export async function draftById(store: HubStore, id: string): Promise<PackDraftRecord | null> {
  const row = await store.db.selectFrom('pack_drafts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listDrafts(store: HubStore): Promise<PackDraftRecord[]> {
  return (await store.db.selectFrom('pack_drafts').selectAll().orderBy('updated_at', 'desc').orderBy('id').execute()).map(toRecord);
}

/** What an edit changes besides who and when. */
export type DraftChange = Partial<Pick<PackDraftRecord, 'packId' | 'version' | 'title' | 'productCount' | 'lastBuild'>>;

export async function touchDraft(store: HubStore, id: string, change: DraftChange & { at: number; by: string }): Promise<PackDraftRecord | null> {
  await store.db
    .updateTable('pack_drafts')
    .set({
      updated_at: change.at,
      updated_by: change.by,
      ...(change.packId !== undefined ? { pack_id: change.packId } : {}),
      ...(change.version !== undefined ? { version: change.version } : {}),
      ...(change.title !== undefined ? { title: JSON.stringify(change.title) } : {}),
      ...(change.productCount !== undefined ? { product_count: change.productCount } : {}),
      ...(change.lastBuild !== undefined ? { last_build: change.lastBuild === null ? null : JSON.stringify(change.lastBuild) } : {}),
    })
    .where('id', '=', id)
    .execute();
  return draftById(store, id);
}

export async function deleteDraft(store: HubStore, id: string): Promise<boolean> {
  const result = await store.db.deleteFrom('pack_drafts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
