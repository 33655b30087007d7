// After every file of a pack is unpacked and its hash checked: every record must match
// the schema, the catalog must be sharded the way readers look things up, and every
// reference must resolve. Shards are read one at a time, so a 100k-product catalog is
// never in memory at once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogIndex, CatalogShard, catalogKey } from '../../schema/catalog.ts';
import { CATALOG_INDEX_FILE, catalogShardFile, DATA_FILES, shardOf } from '../../schema/layout.ts';
import type { Manifest } from '../../schema/manifest.ts';
import { DATA_FILE_SCHEMAS } from '../../schema/pack-data.ts';
import { emptyData, type LocatedData } from '../check/located-data.ts';
import { ReferenceChecker } from '../check/references.ts';
import { bi } from '../report/bilingual.ts';
import { parseJsonText } from '../report/json-file.ts';
import { ProblemList, type Located } from '../report/problem.ts';
import { checkList, checkValue } from '../report/schema-check.ts';
import { formatBytes, PackImportError } from './import-error.ts';
import type { ImportLimits } from './import-limits.ts';

type ListFile = Exclude<keyof typeof DATA_FILES, 'branding'>;

export async function checkStagedContent(dir: string, manifest: Manifest, limits: ImportLimits, now: Date): Promise<ProblemList> {
  const problems = new ProblemList();
  const readJson = async (file: string): Promise<unknown> => {
    const entry = manifest.files[file];
    if (!entry) {
      problems.error({ file }, bi(`内容包里缺少 ${file}`, `the pack has no ${file}`), bi('用 kiosk-pack build 重新生成', 'build the pack again with kiosk-pack build'));
      return undefined;
    }
    if (entry.size > limits.maxJsonBytes) throw new PackImportError('too-large', { size: `${file} ${formatBytes(entry.size)}`, limit: formatBytes(limits.maxJsonBytes) });
    const parsed = parseJsonText(await readFile(path.join(dir, ...file.split('/')), 'utf8'), file);
    if (!parsed.ok) problems.add([parsed.problem]);
    return parsed.ok ? parsed.value : undefined;
  };

  const data: LocatedData = emptyData();
  data.schedule = { value: manifest.schedule, where: { file: 'manifest.json', field: 'schedule' } };
  for (const [name, file] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
    const raw = await readJson(file);
    if (raw === undefined) continue;
    if (name === 'branding') {
      const checked = checkValue(DATA_FILE_SCHEMAS.branding, raw, { file });
      if (checked.value) data.branding = { value: checked.value, where: { file } };
      problems.add(checked.problems);
    } else {
      const checked = checkList(DATA_FILE_SCHEMAS[name as ListFile].element, raw, file);
      (data[name as ListFile] as Located<unknown>[]) = checked.records;
      problems.add(checked.problems);
    }
  }
  const references = new ReferenceChecker(data, problems, { hasFile: (p) => Object.hasOwn(manifest.files, p), now });
  await checkCatalog(readJson, references, problems, manifest);
  references.finish();
  return problems;
}

async function checkCatalog(readJson: (file: string) => Promise<unknown>, references: ReferenceChecker, problems: ProblemList, manifest: Manifest): Promise<void> {
  const index = checkValue(CatalogIndex, await readJson(CATALOG_INDEX_FILE), { file: CATALOG_INDEX_FILE });
  problems.add(index.problems);
  if (!index.value) return;
  const { shardCount, productCount } = index.value;
  const misplaced = (file: string, id: string) =>
    problems.error({ file, id }, bi(`${id} 放错了分片`, `${id} is in the wrong shard`), bi('用 kiosk-pack build 重新生成', 'build the pack again with kiosk-pack build'));
  const gtins = new Set<string>();
  const codes: [string, string, string][] = [];
  for (let n = 0; n < shardCount; n++) {
    const file = catalogShardFile(n);
    const shard = checkValue(CatalogShard, await readJson(file), { file });
    problems.add(shard.problems);
    if (!shard.value) continue;
    for (const [key, product] of Object.entries(shard.value.products)) {
      if (key !== product.gtin || shardOf(key, shardCount) !== n) misplaced(file, key);
      gtins.add(product.gtin);
      references.addProduct(product, { file, id: product.gtin });
    }
    for (const [key, gtin] of Object.entries(shard.value.codes)) {
      if (key !== catalogKey(key) || shardOf(key, shardCount) !== n) misplaced(file, key);
      codes.push([file, key, gtin]);
    }
  }
  for (const [file, key, gtin] of codes) {
    if (!gtins.has(gtin)) problems.error({ file, id: key }, bi(`编码 ${key} 指向不存在的商品 ${gtin}`, `code ${key} points at a product that does not exist: ${gtin}`), bi('用 kiosk-pack build 重新生成', 'build the pack again with kiosk-pack build'));
  }
  if (gtins.size !== productCount) {
    problems.error({ file: CATALOG_INDEX_FILE, field: 'productCount' }, bi(`商品数量 ${productCount} 与实际 ${gtins.size} 不符`, `productCount ${productCount} does not match the ${gtins.size} products`), bi('用 kiosk-pack build 重新生成', 'build the pack again with kiosk-pack build'));
  }
  for (const file of Object.keys(manifest.files)) {
    const shard = /^catalog\/shard-(\d{4})\.json$/.exec(file);
    if (shard && Number(shard[1]) >= shardCount) problems.error({ file }, bi('多余的分片文件', 'an extra shard file'), bi('用 kiosk-pack build 重新生成', 'build the pack again with kiosk-pack build'));
  }
}
