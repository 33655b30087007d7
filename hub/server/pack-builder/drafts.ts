// Pack drafts as the console edits them: started, read, changed form by form, deleted.
// Each change of a draft runs alone (one at a time per draft in this process) and is
// written whole, so a crash leaves the draft as it was before or after, never half.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DraftPackSettings, type DraftDetail, type DraftRow, type DraftStart } from '../../../content/schema/hub-api/console/pack-drafts.ts';
import { Branding } from '../../../content/schema/branding.ts';
import { Campaign } from '../../../content/schema/campaign.ts';
import { GameConfig } from '../../../content/schema/game-config.ts';
import { DATA_FILES } from '../../../content/schema/layout.ts';
import { Playlist } from '../../../content/schema/playlist.ts';
import { Category } from '../../../content/schema/product.ts';
import { Promotion } from '../../../content/schema/promotion.ts';
import { Schedule } from '../../../content/schema/schedule.ts';
import { PACK_FILE, type PackMeta } from '../../../content/lib/source/source-layout.ts';
import { deleteDraft, draftById, insertDraft, touchDraft, type PackDraftRecord } from '../../store/queries/pack-drafts.ts';
import type { HubContext } from '../hub-context.ts';
import { notFound } from '../http/http-error.ts';
import { draftFolder, readSourceJson, removeDraftFolder, writeSourceJson, type DraftFolder } from './draft-folder.ts';
import { nextVersion } from './draft-build.ts';
import { listMedia } from './draft-media.ts';
import { startSource } from './draft-start.ts';

export const toDraftRow = (d: PackDraftRecord): DraftRow => ({ ...d });

const bilingual = (t: { 'zh-CN': string; en?: string | undefined }) => ({ zh: t['zh-CN'], en: t.en ?? t['zh-CN'] });

const locks = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier change of the same draft in this process has finished. */
export function withDraft<T>(id: string, work: () => Promise<T>): Promise<T> {
  const before = locks.get(id) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  locks.set(id, settled);
  void settled.then(() => locks.get(id) === settled && locks.delete(id));
  return run;
}

export async function existingDraft(hub: HubContext, id: string): Promise<{ record: PackDraftRecord; folder: DraftFolder }> {
  const record = await draftById(hub.store, id);
  if (!record) throw notFound(`There is no pack draft ${id}: it may have been deleted.`);
  return { record, folder: draftFolder(hub, id) };
}

export async function createDraft(hub: HubContext, o: { name: string; start: DraftStart; actor: string }): Promise<PackDraftRecord> {
  const id = randomUUID();
  const folder = draftFolder(hub, id);
  try {
    const started = await startSource(hub, o.start, folder.source);
    const now = hub.clock.now();
    const record: PackDraftRecord = {
      id,
      name: o.name,
      packId: started.meta.packId,
      version: started.meta.version,
      title: bilingual(started.meta.title),
      startedFrom: started.startedFrom,
      productCount: started.productCount,
      createdAt: now,
      createdBy: o.actor,
      updatedAt: now,
      updatedBy: o.actor,
      lastBuild: null,
    };
    // A draft of a pack that exists builds the next version, never the same one again.
    if (o.start.from !== 'starter' || o.start.starter === 'demo') {
      record.version = nextVersion(started.meta.version);
      await writeSourceJson(folder, PACK_FILE, { ...started.meta, version: record.version });
    }
    await insertDraft(hub.store, record);
    return record;
  } catch (error) {
    await removeDraftFolder(folder);
    throw error;
  }
}

async function packMeta(folder: DraftFolder): Promise<PackMeta> {
  return (await readSourceJson(folder, PACK_FILE)) as PackMeta;
}

const list = async <S extends z.ZodType>(folder: DraftFolder, file: string, element: S): Promise<z.output<S>[]> => {
  const raw = await readSourceJson(folder, file);
  return (Array.isArray(raw) ? raw : []).flatMap((item) => {
    const parsed = element.safeParse(item);
    return parsed.success ? [parsed.data as z.output<S>] : [];
  });
};

export async function draftDetail(hub: HubContext, id: string): Promise<DraftDetail> {
  const { record, folder } = await existingDraft(hub, id);
  const { schedule, ...settings } = await packMeta(folder);
  const branding = Branding.safeParse(await readSourceJson(folder, DATA_FILES.branding));
  return {
    draft: toDraftRow(record),
    pack: DraftPackSettings.parse(settings),
    schedule: Schedule.parse(schedule),
    branding: branding.success ? branding.data : null,
    categories: await list(folder, DATA_FILES.categories, Category),
    promotions: await list(folder, DATA_FILES.promotions, Promotion),
    campaigns: await list(folder, DATA_FILES.campaigns, Campaign),
    games: await list(folder, DATA_FILES.games, GameConfig),
    playlists: await list(folder, DATA_FILES.playlists, Playlist),
    media: await listMedia(folder),
  };
}

/** The forms and the file each one writes. */
export type DraftForm = 'pack' | 'schedule' | 'branding' | 'categories' | 'promotions' | 'campaigns' | 'games' | 'playlists';

/** Saves a checked form into the draft's files; the row follows the pack settings. */
export async function saveForm(hub: HubContext, id: string, form: DraftForm, value: unknown, actor: string): Promise<PackDraftRecord> {
  return withDraft(id, async () => {
    const { folder } = await existingDraft(hub, id);
    const change: Parameters<typeof touchDraft>[2] = { at: hub.clock.now(), by: actor };
    if (form === 'pack' || form === 'schedule') {
      const meta = await packMeta(folder);
      const next = form === 'pack' ? { ...(value as DraftPackSettings), schedule: meta.schedule } : { ...meta, schedule: value as Schedule };
      await writeSourceJson(folder, PACK_FILE, next);
      if (form === 'pack') Object.assign(change, { packId: next.packId, version: next.version, title: bilingual(next.title) });
    } else {
      await writeSourceJson(folder, DATA_FILES[form], value);
    }
    return (await touchDraft(hub.store, id, change))!;
  });
}

/** After a build: the draft's pack.json moves to the next version; the new version. */
export async function moveVersionOn(folder: DraftFolder, built: string): Promise<string> {
  const version = nextVersion(built);
  await writeSourceJson(folder, PACK_FILE, { ...(await packMeta(folder)), version });
  return version;
}

export async function removeDraft(hub: HubContext, id: string): Promise<void> {
  await withDraft(id, async () => {
    const { folder } = await existingDraft(hub, id);
    await deleteDraft(hub.store, id);
    await removeDraftFolder(folder);
  });
}
