// kiosk-pack import-products <sheet.csv> <packDir>: a product sheet → data/products.json.
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Category } from '../../schema/product.ts';
import { readJsonFile } from '../../lib/report/json-file.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { checkList } from '../../lib/report/schema-check.ts';
import { UserError } from '../../lib/report/user-error.ts';
import { readProductSheet } from '../../lib/source/csv/products-sheet.ts';
import { PRODUCTS_CSV, PRODUCTS_JSON } from '../../lib/source/source-layout.ts';
import { readArgs } from '../args.ts';
import { EXIT, printProblems, say } from '../output.ts';

const CATEGORIES = 'data/categories.json';

export async function run(argv: string[]): Promise<number> {
  const { positionals } = readArgs(argv, {}, ['sheet.csv', 'packDir']);
  const [sheet, packDir] = positionals as [string, string];
  if (await access(path.join(packDir, PRODUCTS_CSV)).then(() => true, () => false)) {
    throw new UserError(
      bi(`${packDir} 里已有 ${PRODUCTS_CSV}，内容包直接读取它`, `${packDir} already has ${PRODUCTS_CSV}, which the pack reads directly`),
      bi(`直接编辑那个表格；或者删除它，再导入到 ${PRODUCTS_JSON}`, `edit that sheet instead, or delete it and import into ${PRODUCTS_JSON}`),
    );
  }
  const bytes = await readFile(sheet).catch((cause: unknown) => {
    throw new UserError(bi(`打不开商品表 ${sheet}`, `cannot open the product sheet ${sheet}`), bi('检查文件路径', 'check the path'), { cause });
  });
  const categoriesJson = await readJsonFile(path.join(packDir, CATEGORIES), CATEGORIES).catch(() => null);
  if (!categoriesJson) {
    throw new UserError(bi(`${packDir} 里没有 ${CATEGORIES}，不是内容包文件夹`, `${packDir} has no ${CATEGORIES}, so it is not a pack folder`), bi('先用 kiosk-pack init 新建内容包', 'start a pack with kiosk-pack init first'));
  }
  const categories = categoriesJson.ok ? checkList(Category, categoriesJson.value, CATEGORIES).records.map((r) => r.value) : [];
  const result = readProductSheet(bytes, path.basename(sheet), categories);
  printProblems(result.problems);
  if (result.problems.some((p) => p.severity === 'error')) {
    say(bi(`✗ 没有导入：请先修正 ${path.basename(sheet)} 中的错误`, `✗ Nothing imported: fix the errors in ${path.basename(sheet)} first`));
    return EXIT.problems;
  }
  await writeFile(path.join(packDir, PRODUCTS_JSON), `${JSON.stringify(result.rows, null, 2)}\n`);
  say(bi(`✓ 已导入 ${result.rows.length} 个商品到 ${PRODUCTS_JSON}；下一步运行 kiosk-pack validate ${packDir}`, `✓ Imported ${result.rows.length} products into ${PRODUCTS_JSON}; next run kiosk-pack validate ${packDir}`));
  return EXIT.ok;
}
