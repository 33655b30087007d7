// An unpacked pack as the diff reads it: the manifest, every data file and the products
// by GTIN. Read from a folder a pack was checked into (the hub keeps one per upload), or
// put together by hand in a test.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogIndex, type CatalogShard } from '../../schema/catalog.ts';
import { catalogShardFile, CATALOG_INDEX_FILE, DATA_FILES, MANIFEST_FILE } from '../../schema/layout.ts';
import { Manifest } from '../../schema/manifest.ts';
import { DATA_FILE_SCHEMAS, type DataFileName, type PackData } from '../../schema/pack-data.ts';
import type { Product } from '../../schema/product.ts';

export interface PackSnapshot {
  manifest: Manifest;
  data: PackData;
  /** Every product, by its GTIN-14. */
  products: ReadonlyMap<string, Product>;
}

async function readJson(dir: string, file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(dir, ...file.split('/')), 'utf8')) as unknown;
}

/**
 * Reads a checked, unpacked pack folder. The records are parsed with the pack schemas
 * again, so that a field the pack leaves out compares as its default (a campaign without
 * capPerSession has 1), exactly as the kiosk reads it.
 */
export async function readPackSnapshot(dir: string): Promise<PackSnapshot> {
  const manifest = Manifest.parse(await readJson(dir, MANIFEST_FILE));
  const data = {} as Record<DataFileName, unknown>;
  for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
    data[name] = DATA_FILE_SCHEMAS[name].parse(await readJson(dir, DATA_FILES[name]));
  }
  const index = CatalogIndex.parse(await readJson(dir, CATALOG_INDEX_FILE));
  const products = new Map<string, Product>();
  for (let shard = 0; shard < index.shardCount; shard++) {
    // Checked at upload like a kiosk checks it: read as it is, not validated a second time.
    const { products: inShard } = (await readJson(dir, catalogShardFile(shard))) as CatalogShard;
    for (const [gtin, product] of Object.entries(inShard)) products.set(gtin, product);
  }
  return { manifest, data: data as PackData, products };
}
