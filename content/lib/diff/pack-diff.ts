// What changes for shoppers when one pack replaces another: a pure function over two
// unpacked packs (read with readPackSnapshot, or put together in memory). The hub's
// console shows it before a pack is published to a store.
import type { PackDiff } from '../../schema/hub-api/console/pack-diff.ts';
import { diffCampaigns } from './campaign-diff.ts';
import { fieldChanges } from './field-changes.ts';
import { diffMedia } from './media-diff.ts';
import type { PackSnapshot } from './pack-snapshot.ts';
import { diffProducts } from './product-diff.ts';
import { diffRecords } from './record-diff.ts';
import { diffSchedule } from './schedule-diff.ts';

export type { PackSnapshot } from './pack-snapshot.ts';

/** Lists of products and media files are cut at this many entries; their counts stay exact. */
export const DEFAULT_LIST_LIMIT = 500;

/** The pack's own fields people set: not its file list (media) nor its schedule (compared on their own). */
const PACK_FIELDS_SKIPPED = ['files', 'schedule', 'schemaVersion', 'createdAt'];

export function diffPacks(before: PackSnapshot, after: PackSnapshot, options: { listLimit?: number } = {}): PackDiff {
  const listLimit = options.listLimit ?? DEFAULT_LIST_LIMIT;
  return {
    pack: fieldChanges(before.manifest, after.manifest, { skip: PACK_FIELDS_SKIPPED }),
    products: diffProducts(before.products, after.products, listLimit),
    campaigns: diffCampaigns(before.data.campaigns, after.data.campaigns),
    promotions: diffRecords(before.data.promotions, after.data.promotions),
    games: diffRecords(before.data.games, after.data.games),
    playlists: diffRecords(before.data.playlists, after.data.playlists),
    categories: diffRecords(before.data.categories, after.data.categories),
    branding: fieldChanges(before.data.branding, after.data.branding),
    media: diffMedia(before.manifest, after.manifest, listLimit),
    schedule: diffSchedule(before.manifest.schedule, after.manifest.schedule),
    listLimit,
  };
}

/** True when nothing a shopper could notice changed. */
export function isEmptyDiff(diff: PackDiff): boolean {
  const { products: p, campaigns: c, media: m, schedule: s } = diff;
  const records = [diff.promotions, diff.games, diff.playlists, diff.categories];
  return (
    diff.pack.length === 0 &&
    p.counts.added + p.counts.removed + p.counts.priceChanged + p.counts.edited === 0 &&
    c.added.length + c.removed.length + c.changed.length === 0 &&
    records.every((r) => r.added.length + r.removed.length + r.changed.length === 0) &&
    diff.branding.length === 0 &&
    m.counts.added + m.counts.removed + m.counts.replaced + m.counts.renamed === 0 &&
    s.default.length + s.dayparts.added.length + s.dayparts.removed.length + s.dayparts.changed.length === 0
  );
}
