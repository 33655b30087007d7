// Product lookup in a 100k-product catalog (sharded as a built pack stores it):
// in memory once the shards are loaded, the cost of loading one shard cold, and the
// renderer's own lookup (what a scan on the kiosk runs: fetch one shard, check the
// record against the schema, keep the last few shards).
// Target: ≤ 1 ms p99 per lookup. Informational: never fails on timing.
//
//   npx tsx test/bench/pack-lookup.bench.ts [products=100000]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, catalogFiles } from '../../content/lib/catalog/build-catalog.ts';
import { openCatalog } from '../../content/lib/catalog/open-catalog.ts';
import { syntheticProducts } from '../../content/lib/testing/synthetic-products.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import type { Product } from '../../content/schema/product.ts';
import { shardOf } from '../../content/schema/layout.ts';
import { createCatalogLookup } from '../../renderer/src/catalog/catalog-lookup.ts';
import { percentile, printMachine, report } from './machine.ts';

const COUNT = Number(process.argv[2] ?? 100_000);
const LOOKUPS = 100_000;

/** Products the size of real ones: a description, specs, an image, related items. */
function realisticProducts(count: number): Product[] {
  return syntheticProducts(count).map((p, i, all) => ({
    ...p,
    brand: '鲜选',
    description: { 'zh-CN': '产地直供，当日到店，口感清甜。'.repeat(2), en: 'Direct from the farm, in store the same day, sweet and crisp.' },
    images: [`media/products/p-${i}.webp`],
    specs: [{ label: { 'zh-CN': '规格', en: 'Size' }, value: { 'zh-CN': '500g' } }],
    related: [all[(i + 1) % count]!.gtin, all[(i + 7) % count]!.gtin],
  }));
}

/** Any form a scanner or a person may give: GTIN-14, EAN-13, store code. */
const probe = (products: Product[], i: number): string => {
  const p = products[(i * 7919) % products.length]!;
  return i % 3 === 0 ? p.gtin : i % 3 === 1 ? p.gtin.slice(1) : p.codes[0]!;
};

async function timeEachAsync(count: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    if (!(await run(i))) throw new Error(`lookup ${i} found nothing`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

function timeEach(count: number, run: (i: number) => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    if (run(i) === undefined) throw new Error(`lookup ${i} found nothing`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const tmp = await makeTempDir('kiosk-bench-lookup-');
try {
  console.log(`catalog lookup benchmark (${COUNT} products, ${LOOKUPS} lookups)`);
  printMachine();
  const products = realisticProducts(COUNT);
  const catalog = buildCatalog(products);
  await mkdir(path.join(tmp.dir, 'catalog'));
  let bytes = 0;
  for (const [file, json] of catalogFiles(catalog)) {
    bytes += Buffer.byteLength(json);
    await writeFile(path.join(tmp.dir, file), json);
  }
  console.log(`catalog: ${catalog.index.shardCount} shards, ${(bytes / 2 ** 20).toFixed(1)} MB of JSON (~${((bytes / catalog.index.shardCount) / 1024).toFixed(0)} KB per shard)`);

  const warm = await openCatalog(tmp.dir);
  const loadStarted = process.hrtime.bigint();
  await warm.loadAll();
  const loadAllMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  timeEach(10_000, (i) => warm.findLoaded(probe(products, i)));
  const memory = timeEach(LOOKUPS, (i) => warm.findLoaded(probe(products, i)));
  report('load all shards into memory', loadAllMs, 'ms');
  report('in-memory lookup p50', percentile(memory, 50), 'ms');
  report('in-memory lookup p99', percentile(memory, 99), 'ms', { max: 1 });
  report('in-memory lookup max', memory.at(-1)!, 'ms');

  const cold: number[] = [];
  const samples = Math.min(catalog.index.shardCount, 200);
  for (let i = 0; i < samples; i++) {
    const reader = await openCatalog(tmp.dir);
    const code = probe(products, i * 13 + 1);
    const started = process.hrtime.bigint();
    if (!(await reader.find(code))) throw new Error(`cold lookup of ${code} found nothing`);
    cold.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  cold.sort((a, b) => a - b);
  report('cold lookup (load 1–2 shards) p50', percentile(cold, 50), 'ms');
  report('cold lookup (load 1–2 shards) p99', percentile(cold, 99), 'ms');
  console.log('  (cold = read + JSON.parse of the shard(s) from the OS page cache, once per shard; later lookups are in memory)');

  // The renderer's lookup, reading shards as pack:// would serve them (from disk, no network).
  const servedFrom = (url: string) => readFile(path.join(tmp.dir, url.replace('pack://active/', '')));
  const fetchFile = (async (url: string | URL | Request) => {
    try {
      return new Response(await servedFrom(String(url)), { headers: { 'content-type': 'application/json' } });
    } catch {
      return new Response('', { status: 404 });
    }
  }) as typeof fetch;
  // What the scan normaliser hands the lookup: a GTIN-14 for a retail code, a store code as written.
  const keysFor = (code: string) => [/^\d{13,14}$/.test(code) ? code.padStart(14, '0') : code];
  const kiosk = createCatalogLookup('pack://active/', { fetchImpl: fetchFile });
  await kiosk.warm();
  // Same shard as the previous scan, or one of the last few: what a shopper scanning around one shelf does.
  const nearby = (code: string) => shardOf(keysFor(code)[0]!, catalog.index.shardCount) < 6;
  const shelf = products.filter((p) => nearby(p.gtin) && p.codes.every(nearby));
  const warmKiosk = await timeEachAsync(20_000, (i) => kiosk.find(keysFor(probe(shelf, i))));
  console.log(`  (${shelf.length} products in 6 shards, looked up 20000 times in turn)`);
  report('kiosk lookup, shard in memory p50', percentile(warmKiosk, 50), 'ms');
  report('kiosk lookup, shard in memory p99', percentile(warmKiosk, 99), 'ms', { max: 1 });
  const coldKiosk = await timeEachAsync(samples, (i) => createCatalogLookup('pack://active/', { fetchImpl: fetchFile }).find(keysFor(probe(products, i * 13 + 1))));
  report('kiosk lookup, first scan of a shard (index + shard) p50', percentile(coldKiosk, 50), 'ms');
  report('kiosk lookup, first scan of a shard (index + shard) p99', percentile(coldKiosk, 99), 'ms');
} finally {
  await tmp.remove();
}
