// Where things live inside a built pack. Both the Node pack library and the renderer
// use these names, so they are defined once.

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export const DATA_FILES = {
  branding: 'data/branding.json',
  categories: 'data/categories.json',
  promotions: 'data/promotions.json',
  campaigns: 'data/campaigns.json',
  games: 'data/games.json',
  playlists: 'data/playlists.json',
} as const;

/**
 * Products are sharded so that a kiosk never loads 100k products to show one:
 * `catalog/index.json` holds the shard count, `catalog/shard-NNNN.json` holds the
 * products whose GTIN-14 hashes to that shard and the alternative codes that do.
 */
export const CATALOG_INDEX_FILE = 'catalog/index.json';
export const catalogShardFile = (shard: number) => `catalog/shard-${String(shard).padStart(4, '0')}.json`;

/**
 * FNV-1a (32-bit) of a code with a final avalanche (murmur3's fmix32), mod the shard
 * count. The mixing matters: valid GTINs have a check-digit structure that leaves
 * FNV-1a's low bits correlated, so without it half the shards would stay empty.
 */
export function shardOf(code: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % shardCount;
}

/**
 * Shards are powers of two with at most about 128 products each (~50 KB): a scan reads
 * one, and its size is most of what a scan waits for once the page is up.
 */
export const PRODUCTS_PER_SHARD = 128;
export function shardCountFor(productCount: number): number {
  let n = 1;
  while (n < 4096 && productCount / n > PRODUCTS_PER_SHARD) n *= 2;
  return n;
}
