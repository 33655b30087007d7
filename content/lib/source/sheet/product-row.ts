// One row of a product sheet → product JSON, every bad cell reported with the row and
// the column's header. Codes stay as the sheet writes them (an EAN-13 keeps its 13
// digits in data/products.json); the pack pads them to its 14-digit keys when it is built.
import type { Category } from '../../../schema/product.ts';
import { bi, listOf, shown, type Bilingual } from '../../report/bilingual.ts';
import type { Problem, Where } from '../../report/problem.ts';
import { parseBarcode, parseDate, parseYuan, splitList, type CellResult } from '../csv/cell-values.ts';
import { FIELD_COLUMN, type ProductColumn } from '../csv/columns.ts';
import { MEDIA_DIR } from '../source-layout.ts';

export type Cells = Partial<Record<ProductColumn, string>>;

const SPEC_LABEL = { 'zh-CN': '规格', en: 'Size' };

function text(zh: string | undefined, en: string | undefined): Record<string, string> | undefined {
  if (!zh && !en) return undefined;
  return { ...(zh ? { 'zh-CN': zh } : {}), ...(en ? { en } : {}) };
}

const mediaPath = (name: string) => (name.startsWith(`${MEDIA_DIR}/`) ? name : `${MEDIA_DIR}/${name.replace(/^\/+/, '')}`);

/** A barcode as written (spaces and dashes dropped), once it is known to be a valid one. */
const writtenCode = (cell: string) => cell.normalize('NFKC').replace(/[\s-]/g, '');

export function categoryResolver(categories: readonly Category[]): (cell: string) => CellResult<string> {
  const byName = new Map<string, string>();
  for (const c of categories) {
    for (const name of [c.id, c.name['zh-CN'], c.name.en]) if (name) byName.set(name.normalize('NFKC').trim().toLowerCase(), c.id);
  }
  const known = listOf(categories.map((c) => `${c.name['zh-CN']} (${c.id})`));
  return (cell: string): CellResult<string> => {
    const id = byName.get(cell.normalize('NFKC').trim().toLowerCase());
    if (id) return { ok: true, value: id };
    return {
      ok: false,
      message: bi(`分类 ${shown(cell)} 不在 data/categories.json 中`, `the category ${shown(cell)} is not in data/categories.json`),
      fix: bi(`写已有分类的名称或编号：${known || '（还没有分类）'}；或先在 data/categories.json 中添加`, `use the name or id of a category: ${known || '(none yet)'}; or add it to data/categories.json first`),
    };
  };
}

export class RowReader {
  readonly problems: Problem[] = [];
  readonly badColumns = new Set<ProductColumn>();

  constructor(
    private readonly where: Where,
    private readonly headers: ReadonlyMap<ProductColumn, string>,
  ) {}

  fail(column: ProductColumn, message: Bilingual, fix: Bilingual): void {
    this.badColumns.add(column);
    this.problems.push({ severity: 'error', ...this.where, column: this.headers.get(column), message, fix });
  }

  take<T>(column: ProductColumn, cell: string | undefined, read: (cell: string) => CellResult<T>): T | undefined {
    if (!cell) return undefined;
    const result = read(cell);
    if (result.ok) return result.value;
    this.fail(column, result.message, result.fix);
    return undefined;
  }

  /** A barcode cell: as written when valid, undefined (and reported) when not. */
  code(column: ProductColumn, cell: string | undefined): string | undefined {
    return this.take(column, cell, parseBarcode) === undefined ? undefined : writtenCode(cell!);
  }
}

/** The value with its undefined fields left out (as JSON would write it), without a JSON round trip per row. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = withoutUndefined(field);
  return out;
}

/** The product JSON of one row, with only the fields the sheet fills. */
export function rowToProduct(cells: Cells, reader: RowReader, category: (cell: string) => CellResult<string>): Record<string, unknown> {
  const related = splitList(cells.related ?? '').map((code) => reader.code('related', code));
  const origin = {
    region: text(cells.region, undefined),
    farm: text(cells.farm, undefined),
    batch: cells.batch,
    producedOn: reader.take('producedOn', cells.producedOn, parseDate),
    story: text(cells.story, cells.storyEn),
    certifications: cells.certifications ? splitList(cells.certifications) : undefined,
  };
  const product = {
    gtin: reader.code('gtin', cells.gtin),
    codes: cells.codes ? splitList(cells.codes) : undefined,
    category: reader.take('category', cells.category, category),
    brand: text(cells.brand, cells.brandEn),
    name: text(cells.nameZh, cells.nameEn),
    description: text(cells.descriptionZh, cells.descriptionEn),
    unit: text(cells.unit, undefined),
    price: reader.take('price', cells.price, parseYuan),
    promoPrice: reader.take('promoPrice', cells.promoPrice, parseYuan),
    images: cells.images ? splitList(cells.images).map(mediaPath) : undefined,
    specs: cells.spec ? [{ label: SPEC_LABEL, value: { 'zh-CN': cells.spec } }] : undefined,
    origin: Object.values(origin).some((v) => v !== undefined) ? origin : undefined,
    related: related.length ? related.filter((g) => g !== undefined) : undefined,
  };
  return withoutUndefined(product) as Record<string, unknown>;
}

export function columnForField(field: string | undefined): ProductColumn | undefined {
  if (!field) return undefined;
  return FIELD_COLUMN.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`))?.[1];
}
