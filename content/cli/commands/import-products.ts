// kiosk-pack import-products <sheet.csv> <pack-folder>: a product sheet → data/products.json.
// The sheet replaces the pack's products. The example sheet `init` puts in the folder
// makes way for it, and so does the example promotion of the starter's apples when the
// sheet has no such product; a file the merchandiser changed is never touched.
import { isDeepStrictEqual } from 'node:util';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILES } from '../../schema/layout.ts';
import { Category } from '../../schema/product.ts';
import { readJsonFile } from '../../lib/report/json-file.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { checkList } from '../../lib/report/schema-check.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { readProductSheetFile } from '../../lib/source/sheet/product-sheet.ts';
import { PRODUCTS_CSV, PRODUCTS_JSON } from '../../lib/source/source-layout.ts';
import { EXIT, printProblems, say } from '../output.ts';
import { starterFiles, starterSheet } from '../starter/starter-pack.ts';

const CATEGORIES = 'data/categories.json';

/** A product code as the pack keys it (14 digits), whichever way it was written. */
const key14 = (gtin: string) => gtin.padStart(14, '0');

const exists = (file: string) => access(file).then(() => true, () => false);

/** What to do with products.csv already in the folder: nothing, remove the untouched example, or stop. */
async function sheetInFolder(packDir: string): Promise<'none' | 'example'> {
  const file = path.join(packDir, PRODUCTS_CSV);
  if (!(await exists(file))) return 'none';
  if ((await readFile(file, 'utf8')) === starterSheet()) return 'example';
  throw new UserError(
    bi(`${packDir} 里已有自己的 ${PRODUCTS_CSV}，内容包直接读取它`, `${packDir} already has its own ${PRODUCTS_CSV}, which the pack reads directly`),
    bi(`直接编辑那个表格；或者把它移出文件夹，再导入到 ${PRODUCTS_JSON}`, `edit that sheet instead, or move it out of the folder and import again into ${PRODUCTS_JSON}`),
  );
}

/**
 * The starter's example promotion names the starter's products: once they are gone it
 * would stop the pack from building. Untouched, it is emptied; changed, it is the
 * merchandiser's and `validate` lists what to fix.
 */
async function dropExamplePromotion(packDir: string, gtins: ReadonlySet<string>): Promise<boolean> {
  const file = path.join(packDir, DATA_FILES.promotions);
  const example = starterFiles()[DATA_FILES.promotions] as { products: string[] }[];
  const current = await readJsonFile(file, DATA_FILES.promotions).catch(() => null);
  if (!current?.ok || !isDeepStrictEqual(current.value, example)) return false;
  if (example.every((p) => p.products.every((gtin) => gtins.has(key14(gtin))))) return false;
  await writeFile(file, '[]\n');
  return true;
}

export async function run(sheet: string, packDir: string): Promise<number> {
  const categoriesJson = await readJsonFile(path.join(packDir, CATEGORIES), CATEGORIES).catch(() => null);
  if (!categoriesJson) {
    throw new UserError(bi(`${packDir} 里没有 ${CATEGORIES}，不是内容包文件夹`, `${packDir} has no ${CATEGORIES}, so it is not a pack folder`), bi('先用 kiosk-pack init 新建内容包', 'start a pack with kiosk-pack init first'));
  }
  const inFolder = await sheetInFolder(packDir);
  const categories = categoriesJson.ok ? checkList(Category, categoriesJson.value, CATEGORIES).records.map((r) => r.value) : [];
  // CSV or Excel (.xlsx), told apart by the file's content.
  const result = await readProductSheetFile(sheet, path.basename(sheet), categories);
  if (result.problems.length > 0) printProblems(result.problems);
  if (result.problems.some((p) => p.severity === 'error')) {
    say(bi(`✗ 没有导入：请先修正 ${path.basename(sheet)} 中的错误`, `✗ Nothing imported: fix the errors in ${path.basename(sheet)} first`));
    return EXIT.problems;
  }
  const replaced = await exists(path.join(packDir, PRODUCTS_JSON));
  await writeFile(path.join(packDir, PRODUCTS_JSON), `${JSON.stringify(result.rows, null, 2)}\n`);
  if (inFolder === 'example') {
    await rm(path.join(packDir, PRODUCTS_CSV));
    say(bi(`  示例商品表 ${PRODUCTS_CSV} 已删除，内容包现在用导入的商品`, `  the example sheet ${PRODUCTS_CSV} was removed: the pack now holds the imported products`));
    if (await dropExamplePromotion(packDir, new Set(result.records.map((r) => key14(r.value.gtin))))) {
      say(bi(`  示例促销（苹果周）已从 ${DATA_FILES.promotions} 删除，因为表里没有它的商品；自己的促销写在那里`, `  the example promotion (Apple week) was removed from ${DATA_FILES.promotions}: its product is not in your sheet; add your own promotions there`));
    }
  } else if (replaced) {
    say(bi(`  ${PRODUCTS_JSON} 里原来的商品已被替换`, `  the products previously in ${PRODUCTS_JSON} were replaced`));
  }
  say(bi(`✓ 已导入 ${result.rows.length} 个商品到 ${PRODUCTS_JSON}；下一步运行 kiosk-pack validate ${packDir}`, `✓ Imported ${result.rows.length} products into ${PRODUCTS_JSON}; next run kiosk-pack validate ${packDir}`));
  return EXIT.ok;
}
