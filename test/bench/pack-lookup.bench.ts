// Product lookup in a 100k-product catalog (sharded as a built pack stores it):
// in memory once the shards are loaded, and the cost of loading one shard cold.
// Target: ≤ 1 ms p99 per lookup. Informational: never fails on timing.
//
//   npx tsx test/bench/pack-lookup.bench.ts [products=100000]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, catalogFiles } from '../../content/lib/catalog/build-catalog.ts';
import { openCatalog } from '../../content/lib/catalog/open-catalog.ts';
import { syntheticProducts } from '../../content/lib/testing/synthetic-products.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import type { Product } from '../../content/schema/product.ts';
import { describeMachine, percentile, report } from './pack-bench-support.ts';

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
  console.log(`catalog lookup benchmark (${COUNT} products, ${LOOKUPS} lookups)\n${describeMachine()}\n`);
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
  console.log(report('load all shards into memory', loadAllMs, 'ms'));
  console.log(report('in-memory lookup p50', percentile(memory, 50), 'ms'));
  console.log(report('in-memory lookup p99', percentile(memory, 99), 'ms', 1));
  console.log(report('in-memory lookup max', memory.at(-1)!, 'ms'));

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
  console.log(report('cold lookup (load 1–2 shards) p50', percentile(cold, 50), 'ms'));
  console.log(report('cold lookup (load 1–2 shards) p99', percentile(cold, 99), 'ms'));
  console.log('  (cold = read + JSON.parse of the shard(s) from the OS page cache, once per shard; later lookups are in memory)');
} finally {
  await tmp.remove();
}
