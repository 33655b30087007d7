// A draft's products (data/products.json): codes as the sheet or the form wrote them,
// found by their 14-digit key. A sheet merges into them (a row updates the product with
// the same barcode in the fields the sheet has columns for, new ones are added) or
// replaces them all.
import type { ProductColumn } from '../../../content/lib/source/csv/columns.ts';
import { padGtin } from '../../../content/lib/source/gtin-input.ts';
import { PRODUCTS_JSON } from '../../../content/lib/source/source-layout.ts';
import { readSourceJson, writeSourceJson, type DraftFolder } from './draft-folder.ts';

export type StoredProduct = Record<string, unknown> & { gtin?: unknown };

/** The 14-digit key of a code as written (EAN-13, UPC-A, EAN-8 or GTIN-14). */
export const productKey = (code: string): string => padGtin(code.trim());

const keyOf = (p: StoredProduct) => (typeof p.gtin === 'string' ? productKey(p.gtin) : '');

export async function readProducts(folder: DraftFolder): Promise<StoredProduct[]> {
  const raw = await readSourceJson(folder, PRODUCTS_JSON);
  return Array.isArray(raw) ? (raw as StoredProduct[]) : [];
}

export const writeProducts = (folder: DraftFolder, products: readonly StoredProduct[]) => writeSourceJson(folder, PRODUCTS_JSON, products);

/** Where each sheet column writes in a product: an empty cell in a column the sheet has clears it. */
const COLUMN_FIELDS: Partial<Record<ProductColumn, readonly string[]>> = {
  codes: ['codes'],
  nameZh: ['name', 'zh-CN'],
  nameEn: ['name', 'en'],
  descriptionZh: ['description', 'zh-CN'],
  descriptionEn: ['description', 'en'],
  price: ['price'],
  promoPrice: ['promoPrice'],
  category: ['category'],
  brand: ['brand'],
  brandEn: ['brand', 'en'],
  unit: ['unit'],
  spec: ['specs'],
  region: ['origin', 'region'],
  farm: ['origin', 'farm'],
  batch: ['origin', 'batch'],
  producedOn: ['origin', 'producedOn'],
  story: ['origin', 'story', 'zh-CN'],
  storyEn: ['origin', 'story', 'en'],
  certifications: ['origin', 'certifications'],
  images: ['images'],
  related: ['related'],
};

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `row` laid over `base`: objects (name, origin…) merged key by key, anything else replaced. */
function overlay(base: Record<string, unknown>, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(row)) out[key] = isPlain(value) && isPlain(out[key]) ? overlay(out[key], value) : value;
  return out;
}

const valueAt = (o: unknown, at: readonly string[]): unknown => at.reduce<unknown>((node, key) => (isPlain(node) ? node[key] : undefined), o);

/** Removes the field at `at`, and the objects it leaves empty. */
function clear(o: Record<string, unknown>, at: readonly string[]): void {
  const [key, ...rest] = at;
  if (key === undefined || !(key in o)) return;
  if (rest.length === 0) {
    delete o[key];
    return;
  }
  const child = o[key];
  if (!isPlain(child)) return;
  clear(child, rest);
  if (Object.keys(child).length === 0) delete o[key];
}

/** A product updated from a sheet row: the sheet's columns replace (or, left empty, clear) their fields; the rest stays. */
export function updatedProduct(current: StoredProduct, row: StoredProduct, columns: ReadonlySet<ProductColumn>): StoredProduct {
  const out = overlay(structuredClone(current), row);
  for (const column of columns) {
    const at = COLUMN_FIELDS[column];
    if (at && valueAt(row, at) === undefined) clear(out, at);
  }
  return out;
}

/**
 * Sheet rows merged in by barcode: a row updates the product with its key (only the
 * fields the sheet has columns for, so a price list keeps the pictures and stories),
 * new products go to the end.
 */
export function mergeProducts(current: readonly StoredProduct[], rows: readonly StoredProduct[], columns: ReadonlySet<ProductColumn>): StoredProduct[] {
  const incoming = new Map(rows.map((row) => [keyOf(row), row]));
  const merged = current.map((product) => {
    const row = incoming.get(keyOf(product));
    if (!row) return product;
    incoming.delete(keyOf(product));
    return updatedProduct(product, row, columns);
  });
  return [...merged, ...incoming.values()];
}

/** Puts one product in place of the one with the same key (or adds it); false when `code` names another product. */
export function putProduct(current: readonly StoredProduct[], code: string, product: StoredProduct): StoredProduct[] {
  const key = productKey(code);
  const at = current.findIndex((p) => keyOf(p) === key);
  return at < 0 ? [...current, product] : current.map((p, i) => (i === at ? product : p));
}

export function removeProduct(current: readonly StoredProduct[], code: string): StoredProduct[] | null {
  const key = productKey(code);
  const left = current.filter((p) => keyOf(p) !== key);
  return left.length === current.length ? null : left;
}

/** A page of products whose barcode or name holds `q`. */
export function findProducts(products: readonly StoredProduct[], q: string | undefined, offset: number, limit: number) {
  const needle = q?.trim().toLowerCase();
  const matching = needle
    ? products.filter((p) => String(p.gtin ?? '').includes(needle) || keyOf(p).includes(needle) || Object.values((p.name ?? {}) as Record<string, string>).some((n) => String(n).toLowerCase().includes(needle)))
    : products;
  return { total: matching.length, products: matching.slice(offset, offset + limit) as (StoredProduct & { gtin: string })[] };
}
