import { describe, expect, it } from 'vitest';
import { CATALOG_INDEX_FILE, catalogShardFile, shardOf } from '../../../content/schema/layout.ts';
import { createCatalogLookup } from './catalog-lookup.ts';
import { catalogFiles, gtin, product, serve } from './test-catalog.ts';

describe('catalog lookup over the sharded pack catalog', () => {
  const products = Array.from({ length: 200 }, (_, n) => product(n));
  const files = catalogFiles(products, { 'PLU-4131': gtin(7), '00000096385074': gtin(9) }, 16);

  it('finds a product by its GTIN-14 reading one shard', async () => {
    const requests: string[] = [];
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(files, requests) });
    const hit = await lookup.find([gtin(42)]);
    expect(hit).toMatchObject({ key: gtin(42), index: 0, product: { name: { 'zh-CN': '商品42' }, price: 1042 } });
    expect(requests).toEqual([CATALOG_INDEX_FILE, catalogShardFile(shardOf(gtin(42), 16))]);
  });

  it('finds a product by an alternative code that lives in another shard', async () => {
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(files) });
    expect((await lookup.find(['PLU-4131']))?.product.gtin).toBe(gtin(7));
    expect((await lookup.find(['00000096385074']))?.product.gtin).toBe(gtin(9));
  });

  it('tries the keys in order and says which one matched', async () => {
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(files) });
    expect(await lookup.find(['02012345000001', gtin(3)])).toMatchObject({ key: gtin(3), index: 1 });
    expect(await lookup.find(['02012345000001', '99999999999999'])).toBeNull();
  });

  it('keeps recent shards and reads each only once', async () => {
    const requests: string[] = [];
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(files, requests), maxShards: 2 });
    await Promise.all([lookup.find([gtin(1)]), lookup.find([gtin(1)])]);
    await lookup.find([gtin(1)]);
    expect(requests.filter((r) => r === catalogShardFile(shardOf(gtin(1), 16)))).toHaveLength(1);
  });

  it('does not find object built-ins for hostile codes', async () => {
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(files) });
    expect(await lookup.find(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])).toBeNull();
  });

  it('treats a pack without a catalog as having no products', async () => {
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(new Map()) });
    expect(await lookup.find([gtin(1)])).toBeNull();
  });

  it('reports a product record that breaks the schema and does not show it', async () => {
    const broken = catalogFiles([product(1, { price: 'cheap' })], {}, 1);
    const reported: string[] = [];
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(broken), onInvalidProduct: (g, m) => reported.push(`${g} ${m}`) });
    expect(await lookup.find([gtin(1)])).toBeNull();
    expect(reported[0]).toContain(`${gtin(1)} price`);
  });

  it('fails with the file name when a shard cannot be read, and reads it again next time', async () => {
    let fail = true;
    const inner = serve(files);
    const flaky = (async (input: RequestInfo | URL) => {
      if (fail && String(input).includes('shard-')) return new Response('', { status: 500 });
      return inner(input);
    }) as typeof fetch;
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: flaky });
    await expect(lookup.find([gtin(5)])).rejects.toThrow(/catalog\/shard-\d{4}\.json: could not be read \(HTTP 500\)/);
    fail = false;
    expect((await lookup.find([gtin(5)]))?.product.gtin).toBe(gtin(5));
  });

  it('names the file when a shard is not JSON', async () => {
    const bad = new Map(files);
    bad.set(catalogShardFile(shardOf(gtin(5), 16)), '{ not json');
    const lookup = createCatalogLookup('http://k/pack/', { fetchImpl: serve(bad) });
    await expect(lookup.find([gtin(5)])).rejects.toThrow(/is not valid JSON/);
  });
});
