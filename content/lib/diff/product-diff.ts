// Products before and after, by GTIN: added, removed, repriced (price or promo price),
// and edited otherwise (name, pictures, origin…). Lists are cut at `limit` entries so a
// 100k-product pack does not make a 100k-row answer; the counts stay exact.
import type { PriceChange, ProductEdit, ProductRef, ProductsDiff } from '../../schema/hub-api/console/pack-diff.ts';
import type { Product } from '../../schema/product.ts';
import { sameValue } from './field-changes.ts';

const priceOf = (p: Product) => ({ price: p.price, promoPrice: p.promoPrice ?? null });
const refOf = (p: Product): ProductRef => ({ gtin: p.gtin, name: p.name, ...priceOf(p) });
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the first `limit` entries and counts them all. */
function capped<T>(limit: number) {
  const items: T[] = [];
  let count = 0;
  return {
    push(item: T) {
      count++;
      if (items.length < limit) items.push(item);
    },
    items,
    get count() {
      return count;
    },
  };
}

export function diffProducts(before: ReadonlyMap<string, Product>, after: ReadonlyMap<string, Product>, limit: number): ProductsDiff {
  const added = capped<ProductRef>(limit);
  const removed = capped<ProductRef>(limit);
  const priceChanged = capped<PriceChange>(limit);
  const edited = capped<ProductEdit>(limit);

  for (const gtin of [...after.keys()].sort(byCode)) {
    const next = after.get(gtin)!;
    const was = before.get(gtin);
    if (!was) {
      added.push(refOf(next));
      continue;
    }
    if (was.price !== next.price || (was.promoPrice ?? null) !== (next.promoPrice ?? null)) {
      priceChanged.push({ gtin, name: next.name, before: priceOf(was), after: priceOf(next) });
    }
    const fields = [...new Set([...Object.keys(was), ...Object.keys(next)])]
      .filter((k) => k !== 'price' && k !== 'promoPrice' && k !== 'gtin')
      .filter((k) => !sameValue((was as Record<string, unknown>)[k], (next as Record<string, unknown>)[k]));
    if (fields.length) edited.push({ gtin, name: next.name, fields });
  }
  for (const gtin of [...before.keys()].sort(byCode)) {
    if (!after.has(gtin)) removed.push(refOf(before.get(gtin)!));
  }

  return {
    added: added.items,
    removed: removed.items,
    priceChanged: priceChanged.items,
    edited: edited.items,
    counts: { before: before.size, after: after.size, added: added.count, removed: removed.count, priceChanged: priceChanged.count, edited: edited.count },
  };
}
