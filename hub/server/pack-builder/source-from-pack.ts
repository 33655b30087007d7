// A built, checked pack (unpacked: manifest.json, data/, catalog/, media/) turned back
// into the folder a merchandiser edits: pack.json from the manifest, data/*.json as they
// are, the catalog's shards as one data/products.json, the pictures and videos copied.
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogIndex, CatalogShard } from '../../../content/schema/catalog.ts';
import { CATALOG_INDEX_FILE, catalogShardFile, DATA_FILES, MANIFEST_FILE } from '../../../content/schema/layout.ts';
import { Manifest } from '../../../content/schema/manifest.ts';
import type { Product } from '../../../content/schema/product.ts';
import { PACK_FILE, PRODUCTS_JSON, type PackMeta } from '../../../content/lib/source/source-layout.ts';

const readJson = async (dir: string, file: string): Promise<unknown> => JSON.parse(await readFile(path.join(dir, ...file.split('/')), 'utf8')) as unknown;
const exists = (file: string) => stat(file).then(() => true, () => false);

export interface SourceFromPack {
  meta: PackMeta;
  productCount: number;
}

export async function sourceFromPack(unpacked: string, target: string): Promise<SourceFromPack> {
  const manifest = Manifest.parse(await readJson(unpacked, MANIFEST_FILE));
  const meta: PackMeta = {
    packId: manifest.packId,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.validFrom ? { validFrom: manifest.validFrom } : {}),
    ...(manifest.validTo ? { validTo: manifest.validTo } : {}),
    targets: manifest.targets,
    schedule: manifest.schedule,
  };
  await mkdir(path.join(target, 'data'), { recursive: true });
  const write = (file: string, value: unknown) => writeFile(path.join(target, ...file.split('/')), `${JSON.stringify(value, null, 2)}\n`);
  await write(PACK_FILE, meta);
  for (const file of Object.values(DATA_FILES)) {
    if (await exists(path.join(unpacked, file))) await write(file, await readJson(unpacked, file));
  }
  const products: Product[] = [];
  if (await exists(path.join(unpacked, CATALOG_INDEX_FILE))) {
    const index = CatalogIndex.parse(await readJson(unpacked, CATALOG_INDEX_FILE));
    for (let shard = 0; shard < index.shardCount; shard++) products.push(...Object.values(CatalogShard.parse(await readJson(unpacked, catalogShardFile(shard))).products));
  }
  products.sort((a, b) => (a.gtin < b.gtin ? -1 : a.gtin > b.gtin ? 1 : 0));
  await write(PRODUCTS_JSON, products);
  if (await exists(path.join(unpacked, 'media'))) await cp(path.join(unpacked, 'media'), path.join(target, 'media'), { recursive: true, errorOnExist: false });
  return { meta, productCount: products.length };
}
