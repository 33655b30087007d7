import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { buildCatalog, catalogFiles } from './build-catalog.ts';
import { syntheticProducts } from '../testing/synthetic-products.ts';
import { openCatalog } from './open-catalog.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  tmp = await makeTempDir();
  await mkdir(path.join(tmp.dir, 'catalog'));
  for (const [file, json] of catalogFiles(buildCatalog(syntheticProducts(2000)))) await writeFile(path.join(tmp.dir, file), json);
});
afterEach(() => tmp.remove());

describe('reading a built catalog', () => {
  it('finds a product by its GTIN-14, its EAN-13 and its store code', async () => {
    const catalog = await openCatalog(tmp.dir, { validate: true });
    const gtin = syntheticProducts(8)[7]!.gtin;
    expect((await catalog.find(gtin))?.name['zh-CN']).toBe('商品 7');
    expect((await catalog.find(gtin.slice(1)))?.gtin).toBe(gtin);
    expect((await catalog.find(' SKU-7 '))?.gtin).toBe(gtin);
    expect(await catalog.find('06900000000000')).toBeUndefined();
    expect(await catalog.find('nothing')).toBeUndefined();
  });

  it('answers from memory once every shard is loaded', async () => {
    const catalog = await openCatalog(tmp.dir);
    expect(catalog.findLoaded('SKU-1999')).toBeUndefined();
    await catalog.loadAll();
    expect(catalog.findLoaded('SKU-1999')?.price).toBe(2099);
    expect(catalog.index).toEqual({ shardCount: 16, productCount: 2000 });
  });
});
