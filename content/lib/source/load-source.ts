// Reads a pack folder (see source-layout.ts) into located records, reporting every
// file, record and cell that is wrong. Nothing here needs the records to be valid:
// invalid ones are reported and left out, so one mistake never hides the next.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILE_SCHEMAS } from '../../schema/pack-data.ts';
import { DATA_FILES } from '../../schema/layout.ts';
import { Product } from '../../schema/product.ts';
import { emptyData, type LocatedData } from '../check/located-data.ts';
import { listFiles } from '../files/list-files.ts';
import { bi } from '../report/bilingual.ts';
import { readJsonFile } from '../report/json-file.ts';
import { ProblemList, type Located } from '../report/problem.ts';
import { checkList, checkValue } from '../report/schema-check.ts';
import { UserError } from '../report/user-error.ts';
import { readProductSheet } from './csv/products-sheet.ts';
import { padProductGtins, padPromotionGtins } from './gtin-input.ts';
import { MEDIA_DIR, OPTIONAL_DATA, PACK_FILE, PackMeta, PRODUCTS_CSV, PRODUCTS_JSON } from './source-layout.ts';

export interface LoadedSource {
  dir: string;
  meta: PackMeta | undefined;
  data: LocatedData;
  products: Located<Product>[];
  /** Which file the products came from. */
  productsFile: typeof PRODUCTS_JSON | typeof PRODUCTS_CSV | undefined;
  /** For a sheet: the column header that holds a product field, to name it in later problems. */
  columnFor?: (field: string) => string | undefined;
  /** Files under media/, as pack paths ("media/apple.png"), junk files left out. */
  media: string[];
}

/** Files operating systems leave behind; never part of a pack. */
const JUNK = /(^|\/)(\.[^/]*|Thumbs\.db|desktop\.ini)$/i;
/** Notes for the people editing the folder. */
const NOTES = /^(readme|说明)(\.[a-z]+)?$/i;

type ListFile = Exclude<keyof typeof DATA_FILES, 'branding'>;

export async function loadSource(dir: string): Promise<{ source: LoadedSource; problems: ProblemList }> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new UserError(bi(`找不到内容包文件夹：${dir}`, `there is no pack folder at ${dir}`), bi('检查路径；新建一个可以用 kiosk-pack init <文件夹>', 'check the path; start a new one with kiosk-pack init <folder>'));
  }
  const problems = new ProblemList();
  const listed = await listFiles(dir);
  const files = new Set(listed.files);
  for (const link of listed.skipped) {
    problems.warn({ file: link }, bi('这是一个快捷方式（符号链接），不会放进内容包', 'this is a shortcut (symbolic link) and is left out of the pack'), bi('把真正的文件复制到这里', 'copy the real file here instead'));
  }
  const read = async (file: string) => {
    const result = await readJsonFile(path.join(dir, file), file);
    if (!result.ok) problems.add([result.problem]);
    return result.ok ? result.value : undefined;
  };

  let meta: PackMeta | undefined;
  if (!files.has(PACK_FILE)) {
    problems.error({ file: PACK_FILE }, bi('这个文件夹里没有 pack.json，不是内容包文件夹', 'there is no pack.json here, so this is not a pack folder'), bi('用 kiosk-pack init <文件夹> 新建一个内容包，或打开正确的文件夹', 'start a pack with kiosk-pack init <folder>, or open the right folder'));
  } else {
    const raw = await read(PACK_FILE);
    if (raw !== undefined) {
      const checked = checkValue(PackMeta, raw, { file: PACK_FILE });
      meta = checked.value;
      problems.add(checked.problems);
    }
  }

  const data = emptyData();
  if (meta) data.schedule = { value: meta.schedule, where: { file: PACK_FILE, field: 'schedule' } };
  for (const [name, file] of Object.entries(DATA_FILES) as [keyof typeof DATA_FILES, string][]) {
    if (!files.has(file)) {
      if (!OPTIONAL_DATA.has(name)) {
        problems.error({ file }, bi(`缺少文件 ${file}`, `the file ${file} is missing`), bi('从 kiosk-pack init 生成的示例中复制一份并修改', 'copy it from a pack made by kiosk-pack init and edit it'));
      }
      continue;
    }
    const raw = await read(file);
    if (raw === undefined) continue;
    if (name === 'branding') {
      const checked = checkValue(DATA_FILE_SCHEMAS.branding, raw, { file });
      if (checked.value) data.branding = { value: checked.value, where: { file } };
      problems.add(checked.problems);
      continue;
    }
    const checked = checkList(DATA_FILE_SCHEMAS[name as ListFile].element, raw, file, 'id', name === 'promotions' ? padPromotionGtins : undefined);
    (data[name as ListFile] as Located<unknown>[]) = checked.records;
    problems.add(checked.problems);
  }

  const known = new Set<string>([PACK_FILE, PRODUCTS_JSON, PRODUCTS_CSV, ...Object.values(DATA_FILES)]);
  for (const file of listed.files) {
    if (known.has(file) || file.startsWith(`${MEDIA_DIR}/`) || JUNK.test(file) || NOTES.test(file)) continue;
    problems.warn({ file }, bi('这个文件不属于内容包，不会放进去', 'this file is not part of a pack and is left out'), bi('如果是图片或视频，请放到 media 文件夹', 'if it is a picture or video, move it into the media folder'));
  }

  const products = await loadProducts(dir, files, data, problems, read);
  const media = listed.files.filter((f) => f.startsWith(`${MEDIA_DIR}/`) && !JUNK.test(f));
  return { source: { dir, meta, data, ...products, media }, problems };
}

async function loadProducts(
  dir: string,
  files: Set<string>,
  data: LocatedData,
  problems: ProblemList,
  read: (file: string) => Promise<unknown>,
): Promise<Pick<LoadedSource, 'products' | 'productsFile' | 'columnFor'>> {
  const hasJson = files.has(PRODUCTS_JSON);
  const hasCsv = files.has(PRODUCTS_CSV);
  if (hasJson && hasCsv) {
    problems.error({ file: PRODUCTS_CSV }, bi(`同时有 ${PRODUCTS_CSV} 和 ${PRODUCTS_JSON}，不知道用哪一个`, `both ${PRODUCTS_CSV} and ${PRODUCTS_JSON} exist; only one may hold the products`), bi(`删除不用的那一个（用 kiosk-pack import-products 会把表格转成 ${PRODUCTS_JSON}）`, `delete the one you do not use (kiosk-pack import-products turns a sheet into ${PRODUCTS_JSON})`));
    return { products: [], productsFile: undefined };
  }
  if (hasCsv) {
    const categories = data.categories.map((c) => c.value);
    const sheet = readProductSheet(await readFile(path.join(dir, PRODUCTS_CSV)), PRODUCTS_CSV, categories);
    problems.add(sheet.problems);
    return { products: sheet.records, productsFile: PRODUCTS_CSV as typeof PRODUCTS_CSV, columnFor: sheet.columnFor };
  }
  if (hasJson) {
    const raw = await read(PRODUCTS_JSON);
    if (raw === undefined) return { products: [], productsFile: PRODUCTS_JSON };
    const checked = checkList(Product, raw, PRODUCTS_JSON, 'gtin', padProductGtins);
    problems.add(checked.problems);
    return { products: checked.records, productsFile: PRODUCTS_JSON };
  }
  problems.warn({ file: PRODUCTS_CSV }, bi('内容包里没有商品，扫码时找不到任何商品', 'the pack has no products, so no scan will find anything'), bi(`放一个商品表 ${PRODUCTS_CSV}，或用 kiosk-pack import-products 导入`, `add a product sheet ${PRODUCTS_CSV}, or import one with kiosk-pack import-products`));
  return { products: [], productsFile: undefined };
}
