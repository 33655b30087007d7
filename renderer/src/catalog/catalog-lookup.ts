// Finds a product in the active pack's sharded catalog over pack:// or HTTP: one small
// shard per lookup (two when an alternative code points into another shard), the last
// few shards kept in memory. A 100k-product pack costs no more than a 100-product one.
// A shard the catalogue mirror holds is read from there, which is faster.
import type { PackShards } from './catalog-mirror.ts';
import { CatalogIndex } from '../../../content/schema/catalog.ts';
import { CATALOG_INDEX_FILE, catalogShardFile, shardOf } from '../../../content/schema/layout.ts';
import { Product } from '../../../content/schema/product.ts';

interface RawShard {
  products: Record<string, unknown>;
  codes: Record<string, unknown>;
}

export interface CatalogHit {
  /** The key that matched, and its position in the keys asked for. */
  key: string;
  index: number;
  product: Product;
}

export interface CatalogLookup {
  /** The first of `keys` (catalog keys: GTIN-14 or store codes) that names a product. */
  find(keys: readonly string[]): Promise<CatalogHit | null>;
  /** Loads the catalog index now, so the first scan does not wait for it. */
  warm(): Promise<void>;
}

export class CatalogReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export interface CatalogLookupOptions {
  fetchImpl?: typeof fetch;
  /** Shards kept in memory (each ~128 products at most). */
  maxShards?: number;
  /** Told about a product record that does not match the schema (it is treated as not found). */
  onInvalidProduct?: (gtin: string, message: string) => void;
  /** Shards held in IndexedDB; a shard it does not hold is read from the pack. */
  mirror?: PackShards;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Has the shape of a catalog shard (its products and codes are records). */
export const isShard = (v: unknown): v is RawShard => isRecord(v) && isRecord(v.products) && isRecord(v.codes);

export function createCatalogLookup(baseUrl: string, options: CatalogLookupOptions = {}): CatalogLookup {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis);
  const maxShards = options.maxShards ?? 16;
  const shards = new Map<number, Promise<RawShard>>();
  let index: Promise<CatalogIndex | null> | undefined;

  async function readJson(file: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetchImpl(baseUrl + file);
    } catch (err) {
      throw new CatalogReadError(file, `could not be read (${(err as Error).message})`);
    }
    if (res.status === 404) return undefined;
    if (!res.ok) throw new CatalogReadError(file, `could not be read (HTTP ${res.status})`);
    try {
      return await res.json();
    } catch {
      throw new CatalogReadError(file, 'is not valid JSON');
    }
  }

  function loadIndex(): Promise<CatalogIndex | null> {
    index ??= readJson(CATALOG_INDEX_FILE).then(
      (json) => {
        // A pack without products has no catalog: every lookup misses.
        if (json === undefined) return null;
        const parsed = CatalogIndex.safeParse(json);
        if (!parsed.success) throw new CatalogReadError(CATALOG_INDEX_FILE, parsed.error.issues[0]?.message ?? 'does not match the schema');
        return parsed.data;
      },
      (err: unknown) => {
        index = undefined; // try again on the next scan
        throw err;
      },
    );
    return index;
  }

  function loadShard(n: number): Promise<RawShard> {
    const cached = shards.get(n);
    if (cached) {
      shards.delete(n);
      shards.set(n, cached);
      return cached;
    }
    const pending = readShard(catalogShardFile(n));
    pending.catch(() => shards.delete(n));
    shards.set(n, pending);
    while (shards.size > maxShards) shards.delete(shards.keys().next().value!);
    return pending;
  }

  async function readShard(file: string): Promise<RawShard> {
    const held = await options.mirror?.read(file);
    if (isShard(held)) return held;
    // A copy that is not a shard (damaged on disk): read around it now, copied afresh later.
    if (held !== undefined) void options.mirror!.forget(file);
    const json = await readJson(file);
    if (!isShard(json)) throw new CatalogReadError(file, 'is not a catalog shard');
    return json;
  }

  async function resolve(key: string, shardCount: number): Promise<Product | null> {
    const first = await loadShard(shardOf(key, shardCount));
    let gtin: string;
    if (Object.hasOwn(first.products, key)) gtin = key;
    else if (Object.hasOwn(first.codes, key) && typeof first.codes[key] === 'string') gtin = first.codes[key];
    else return null;
    const home = gtin === key ? first : await loadShard(shardOf(gtin, shardCount));
    if (!Object.hasOwn(home.products, gtin)) return null;
    const parsed = Product.safeParse(home.products[gtin]);
    if (!parsed.success) {
      options.onInvalidProduct?.(gtin, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return null;
    }
    return parsed.data;
  }

  return {
    async find(keys) {
      const idx = await loadIndex();
      if (!idx || idx.productCount === 0) return null;
      for (const [i, key] of keys.entries()) {
        const product = await resolve(key, idx.shardCount);
        if (product) return { key, index: i, product };
      }
      return null;
    },
    async warm() {
      await loadIndex();
    },
  };
}
