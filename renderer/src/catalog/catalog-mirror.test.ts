import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOG_INDEX_FILE, catalogShardFile, shardOf } from '../../../content/schema/layout.ts';
import { createCatalogLookup } from './catalog-lookup.ts';
import { CatalogMirror } from './catalog-mirror.ts';
import { fillMirror } from './mirror-fill.ts';
import { catalogFiles, gtin, manifestFiles, product, serve } from './test-catalog.ts';

const SHARDS = 8;
const products = Array.from({ length: 120 }, (_, n) => product(n));
const files = catalogFiles(products, { 'PLU-4131': gtin(7) }, SHARDS);

const opened: CatalogMirror[] = [];
let dbs = 0;
function newMirror(name = `catalog-mirror-test-${Date.now()}-${dbs++}`): CatalogMirror {
  const mirror = new CatalogMirror(name);
  opened.push(mirror);
  return mirror;
}
afterEach(() => {
  for (const m of opened.splice(0)) m.close();
});

const fill = async (mirror: CatalogMirror, pack: Map<string, unknown>, fetchImpl = serve(pack), signal = new AbortController().signal) =>
  fillMirror({ mirror, files: await manifestFiles(pack), baseUrl: 'http://k/pack/', fetchImpl, signal });

async function lookupOn(mirror: CatalogMirror, pack: Map<string, unknown>, requests: string[] = []) {
  return createCatalogLookup('http://k/pack/', { fetchImpl: serve(pack, requests), mirror: mirror.forPack(await manifestFiles(pack)) });
}

const shaOf = async (pack: Map<string, unknown>, file: string) => (await manifestFiles(pack))[file]!.sha256;

describe('the catalogue mirror', () => {
  it('once filled, answers scans without reading a shard from the pack, with the same products', async () => {
    const mirror = newMirror();
    expect(await fill(mirror, files)).toMatchObject({ shards: SHARDS, copied: SHARDS, skipped: [], aborted: false });
    const requests: string[] = [];
    const lookup = await lookupOn(mirror, files, requests);
    for (const n of [0, 42, 119]) expect((await lookup.find([gtin(n)]))?.product).toMatchObject({ gtin: gtin(n), price: 1000 + n });
    expect((await lookup.find(['PLU-4131']))?.product.gtin).toBe(gtin(7));
    expect(await lookup.find(['99999999999999'])).toBeNull();
    expect(requests).toEqual([CATALOG_INDEX_FILE]);
  });

  it('is kept across restarts: a new renderer on the same database copies nothing again', async () => {
    const name = `catalog-mirror-test-restart-${Date.now()}`;
    const first = newMirror(name);
    await fill(first, files);
    first.close();
    const again = newMirror(name);
    expect(await fill(again, files)).toMatchObject({ copied: 0, deleted: 0 });
  });

  it('reads from the pack a shard it does not hold yet, or one it holds damaged', async () => {
    const mirror = newMirror();
    const requests: string[] = [];
    expect((await (await lookupOn(mirror, files, requests)).find([gtin(5)]))?.product.gtin).toBe(gtin(5));
    expect(requests).toContain(catalogShardFile(shardOf(gtin(5), SHARDS)));

    const sha = await shaOf(files, catalogShardFile(shardOf(gtin(6), SHARDS)));
    await mirror.put(sha, { products: 'not a record' });
    requests.length = 0;
    expect((await (await lookupOn(mirror, files, requests)).find([gtin(6)]))?.product.gtin).toBe(gtin(6));
    expect(requests).toContain(catalogShardFile(shardOf(gtin(6), SHARDS)));
    // The damaged copy is dropped, and the next fill copies that shard again.
    await vi.waitFor(async () => expect(await mirror.has(sha)).toBe(false));
    expect(await fill(mirror, files)).toMatchObject({ skipped: [], aborted: false });
    expect((await mirror.get(sha)) as { products: unknown }).toMatchObject({ products: expect.objectContaining({ [gtin(6)]: expect.anything() }) });
  });

  it('does not keep a shard whose bytes are not the ones its manifest names', async () => {
    const mirror = newMirror();
    const file = catalogShardFile(shardOf(gtin(3), SHARDS));
    const served = new Map(files);
    served.set(file, { products: { [gtin(3)]: product(3, { price: 1 }) }, codes: {} });
    // The manifest names the real shard; the pack serves another one.
    const result = await fillMirror({ mirror, files: await manifestFiles(files), baseUrl: 'http://k/pack/', fetchImpl: serve(served), signal: new AbortController().signal });
    expect(result.skipped).toEqual([`${file}: its SHA-256 is not the one the manifest names`]);
    expect(result.copied).toBe(SHARDS - 1);
    expect(await mirror.has(await shaOf(files, file))).toBe(false);
  });

  it('skips a shard it cannot read and copies the rest', async () => {
    const mirror = newMirror();
    const file = catalogShardFile(2);
    const inner = serve(files);
    const flaky = (async (input: RequestInfo | URL) => (String(input).endsWith(file) ? new Response('', { status: 500 }) : inner(input))) as typeof fetch;
    const result = await fill(mirror, files, flaky);
    expect(result.skipped).toEqual([`${file}: HTTP 500`]);
    expect(result.copied).toBe(SHARDS - 1);
  });

  it('for a new pack, copies only the shards that changed and deletes those of the old pack', async () => {
    const mirror = newMirror();
    await fill(mirror, files);
    const next = catalogFiles(products.map((p, n) => (n === 42 ? product(42, { price: 1 }) : p)), { 'PLU-4131': gtin(7) }, SHARDS);
    expect(await fill(mirror, next)).toMatchObject({ shards: SHARDS, copied: 1, deleted: 1 });
    const requests: string[] = [];
    expect((await (await lookupOn(mirror, next, requests)).find([gtin(42)]))?.product.price).toBe(1);
    expect(requests).toEqual([CATALOG_INDEX_FILE]);
    const oldSha = await shaOf(files, catalogShardFile(shardOf(gtin(42), SHARDS)));
    expect(await mirror.has(oldSha)).toBe(false);
  });

  it('stops when another pack is shown', async () => {
    const mirror = newMirror();
    const stop = new AbortController();
    const inner = serve(files);
    let reads = 0;
    const counting = (async (input: RequestInfo | URL) => {
      if (++reads === 3) stop.abort();
      return inner(input);
    }) as typeof fetch;
    const result = await fill(mirror, files, counting, stop.signal);
    expect(result).toMatchObject({ aborted: true, copied: 2 });
  });

  it('copies nothing while a game is being played, and goes on once it is over', async () => {
    const mirror = newMirror();
    const requests: string[] = [];
    const inner = serve(files, requests);
    let playing = false;
    let gameOver: (() => void) | null = null;
    const whenQuiet = () => (playing ? new Promise<void>((resolve) => (gameOver = resolve)) : Promise.resolve());
    // A shopper starts a game just as the second shard is read.
    const reading = (async (input: RequestInfo | URL) => {
      const res = await inner(input);
      if (requests.length === 2) playing = true;
      return res;
    }) as typeof fetch;
    const filling = fillMirror({ mirror, files: await manifestFiles(files), baseUrl: 'http://k/pack/', fetchImpl: reading, signal: new AbortController().signal, whenQuiet });
    await vi.waitFor(() => expect(gameOver).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(2);
    playing = false;
    gameOver!();
    expect(await filling).toMatchObject({ shards: SHARDS, copied: SHARDS, aborted: false });
    expect(requests).toHaveLength(SHARDS);
  });

  it('ends the fill with the error when the database cannot store a shard, and scans still find products', async () => {
    const mirror = newMirror();
    vi.spyOn(mirror, 'put').mockRejectedValue(new DOMException('the quota is used up', 'QuotaExceededError'));
    await expect(fill(mirror, files)).rejects.toThrow(/quota/);
    expect((await (await lookupOn(mirror, files)).find([gtin(9)]))?.product.gtin).toBe(gtin(9));
  });
});
