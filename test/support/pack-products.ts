// Picks products out of whichever pack the scan tests run against (the demo pack, or
// the scan fixture pack), so the tests scan codes that pack really holds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openCatalog } from '../../content/lib/catalog/open-catalog.ts';
import { withCheckDigit } from '../../content/schema/gtin.ts';
import { CATALOG_INDEX_FILE, catalogShardFile } from '../../content/schema/layout.ts';
import type { Product } from '../../content/schema/product.ts';

export interface ScannableProduct {
  product: Product;
  /** The 13 digits printed under its EAN-13. */
  ean13: string;
}

const isPlainEan13 = (gtin: string) => gtin.startsWith('0') && !/^0(02|2\d)/.test(gtin);

/** A product with an ordinary EAN-13, preferring one with an offer price and an origin story. */
export async function scannableProduct(packDir: string): Promise<ScannableProduct> {
  const index = JSON.parse(await readFile(path.join(packDir, CATALOG_INDEX_FILE), 'utf8')) as { shardCount: number };
  let fallback: Product | undefined;
  for (let n = 0; n < index.shardCount; n++) {
    const shard = JSON.parse(await readFile(path.join(packDir, catalogShardFile(n)), 'utf8')) as { products: Record<string, Product> };
    for (const product of Object.values(shard.products)) {
      if (!isPlainEan13(product.gtin)) continue;
      if (product.promoPrice !== undefined && product.origin?.story) return { product, ean13: product.gtin.slice(1) };
      fallback ??= product;
    }
    if (fallback && n >= 8) break;
  }
  if (!fallback) throw new Error(`${packDir} has no product with an EAN-13`);
  return { product: fallback, ean13: fallback.gtin.slice(1) };
}

/** A valid EAN-13 the pack does not hold. */
export async function unknownEan13(packDir: string): Promise<string> {
  const catalog = await openCatalog(packDir);
  for (let n = 1; ; n++) {
    const code = withCheckDigit(`400638${String(n).padStart(6, '0')}`);
    if (!(await catalog.find(code))) return code;
  }
}
