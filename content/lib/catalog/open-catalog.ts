// The Node reader of a built pack's catalog: loads a shard when a code needs it and
// keeps it, so a lookup is one or two hash-map reads once its shard is in memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogKey, CatalogIndex, CatalogShard } from '../../schema/catalog.ts';
import { catalogShardFile, CATALOG_INDEX_FILE, shardOf } from '../../schema/layout.ts';
import type { Product } from '../../schema/product.ts';

export interface CatalogReader {
  readonly index: CatalogIndex;
  /** A product by any form of its GTIN (8–14 digits) or by one of its alternative codes. */
  find(code: string): Promise<Product | undefined>;
  /** Loads every shard now, so that `findLoaded` answers without touching the disk. */
  loadAll(): Promise<void>;
  /** Like `find`, from shards already in memory; undefined when a needed shard is not loaded. */
  findLoaded(code: string): Product | undefined;
}

export interface OpenCatalogOptions {
  /** Validate each shard with the schema when it loads (a pack checked at import need not). */
  validate?: boolean;
}

export async function openCatalog(dir: string, options: OpenCatalogOptions = {}): Promise<CatalogReader> {
  const index = CatalogIndex.parse(JSON.parse(await readFile(path.join(dir, CATALOG_INDEX_FILE), 'utf8')));
  const shards = new Map<number, CatalogShard>();
  const loading = new Map<number, Promise<CatalogShard>>();

  const load = (n: number): Promise<CatalogShard> => {
    const cached = shards.get(n);
    if (cached) return Promise.resolve(cached);
    let pending = loading.get(n);
    if (!pending) {
      pending = readFile(path.join(dir, catalogShardFile(n)), 'utf8').then((text) => {
        const json: unknown = JSON.parse(text);
        const shard = options.validate ? CatalogShard.parse(json) : (json as CatalogShard);
        shards.set(n, shard);
        loading.delete(n);
        return shard;
      });
      loading.set(n, pending);
    }
    return pending;
  };

  const gtinFor = (key: string, shard: CatalogShard): string | undefined => (Object.hasOwn(shard.products, key) ? key : Object.hasOwn(shard.codes, key) ? shard.codes[key] : undefined);

  return {
    index,
    async find(code) {
      const key = catalogKey(code);
      const gtin = gtinFor(key, await load(shardOf(key, index.shardCount)));
      if (gtin === undefined) return undefined;
      return (await load(shardOf(gtin, index.shardCount))).products[gtin];
    },
    async loadAll() {
      await Promise.all(Array.from({ length: index.shardCount }, (_, n) => load(n)));
    },
    findLoaded(code) {
      const key = catalogKey(code);
      const first = shards.get(shardOf(key, index.shardCount));
      const gtin = first && gtinFor(key, first);
      return gtin === undefined ? undefined : shards.get(shardOf(gtin, index.shardCount))?.products[gtin];
    },
  };
}
