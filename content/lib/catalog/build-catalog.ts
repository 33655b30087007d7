// Shards a product list into catalog/index.json + catalog/shard-NNNN.json (see
// content/schema/layout.ts): a kiosk loads one small shard to show one product.
import { catalogKey, type CatalogIndex, type CatalogShard } from '../../schema/catalog.ts';
import { catalogShardFile, CATALOG_INDEX_FILE, shardCountFor, shardOf } from '../../schema/layout.ts';
import type { Product } from '../../schema/product.ts';

export interface BuiltCatalog {
  index: CatalogIndex;
  /** shards[n] is catalog/shard-n. */
  shards: CatalogShard[];
}

const sortedRecord = <V>(entries: [string, V][]): Record<string, V> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Products must already be checked (unique GTINs and codes); a clash here is a bug. */
export function buildCatalog(products: readonly Product[], shardCount = shardCountFor(products.length)): BuiltCatalog {
  const productEntries = Array.from({ length: shardCount }, () => [] as [string, Product][]);
  const codeEntries = Array.from({ length: shardCount }, () => [] as [string, string][]);
  const taken = new Set<string>();
  const claim = (key: string) => {
    if (taken.has(key)) throw new Error(`catalog key ${key} is used twice`);
    taken.add(key);
  };
  for (const product of products) {
    claim(product.gtin);
    productEntries[shardOf(product.gtin, shardCount)]!.push([product.gtin, product]);
  }
  for (const product of products) {
    for (const code of product.codes) {
      const key = catalogKey(code);
      if (key === product.gtin) continue;
      claim(key);
      codeEntries[shardOf(key, shardCount)]!.push([key, product.gtin]);
    }
  }
  return {
    index: { shardCount, productCount: products.length },
    shards: productEntries.map((entries, n) => ({ products: sortedRecord(entries), codes: sortedRecord(codeEntries[n]!) })),
  };
}

/** The catalog as the files of a built pack: path → JSON text. */
export function catalogFiles(catalog: BuiltCatalog): Map<string, string> {
  const files = new Map<string, string>([[CATALOG_INDEX_FILE, JSON.stringify(catalog.index)]]);
  catalog.shards.forEach((shard, n) => files.set(catalogShardFile(n), JSON.stringify(shard)));
  return files;
}
