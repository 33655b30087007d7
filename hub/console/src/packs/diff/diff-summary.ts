// The diff's headline: how many of each kind of change, in the order a merchandiser
// checks them, and which sections have anything to show.
import type { PackDiff } from '../../../../../content/schema/hub-api/console/pack-diff.ts';

export type SummaryItem =
  | 'priceChanged'
  | 'productsAdded'
  | 'productsRemoved'
  | 'productsEdited'
  | 'campaigns'
  | 'promotions'
  | 'games'
  | 'media'
  | 'schedule'
  | 'playlists'
  | 'other';

const changedRecords = (r: { added: unknown[]; removed: unknown[]; changed: unknown[] }) => r.added.length + r.removed.length + r.changed.length;

export function summarise(diff: PackDiff): { item: SummaryItem; n: number }[] {
  const p = diff.products.counts;
  const m = diff.media.counts;
  const s = diff.schedule;
  const items: { item: SummaryItem; n: number }[] = [
    { item: 'priceChanged', n: p.priceChanged },
    { item: 'productsAdded', n: p.added },
    { item: 'productsRemoved', n: p.removed },
    { item: 'productsEdited', n: p.edited },
    { item: 'campaigns', n: changedRecords(diff.campaigns) },
    { item: 'promotions', n: changedRecords(diff.promotions) },
    { item: 'games', n: changedRecords(diff.games) },
    { item: 'media', n: m.added + m.removed + m.replaced + m.renamed },
    { item: 'schedule', n: s.default.length + s.dayparts.added.length + s.dayparts.removed.length + s.dayparts.changed.length },
    { item: 'playlists', n: changedRecords(diff.playlists) },
    { item: 'other', n: changedRecords(diff.categories) + diff.branding.length + diff.pack.filter((c) => c.field !== 'version').length },
  ];
  return items.filter((i) => i.n > 0);
}
