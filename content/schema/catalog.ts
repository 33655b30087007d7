import { z } from 'zod';
import { toGtin14 } from './gtin.ts';
import { Gtin14 } from './primitives.ts';
import { Product } from './product.ts';

export const CatalogIndex = z
  .object({ shardCount: z.number().int().min(1).max(4096), productCount: z.number().int().min(0) })
  .strict();
export type CatalogIndex = z.infer<typeof CatalogIndex>;

export const CatalogShard = z
  .object({ products: z.record(Gtin14, Product), codes: z.record(z.string(), Gtin14) })
  .strict();
export type CatalogShard = z.infer<typeof CatalogShard>;

/**
 * The key a code is stored under in the catalog: a valid GTIN-8/12/13/14 becomes its
 * 14-digit form (so an EAN-13 scan finds a product keyed 0690…), anything else (a store
 * SKU, a PLU) stays as written. Products live in the shard of `shardOf(gtin)`; an
 * alternative code lives in `codes` of the shard of `shardOf(catalogKey(code))` and
 * names the GTIN, whose product may sit in another shard.
 */
export function catalogKey(code: string): string {
  const trimmed = code.trim();
  return toGtin14(trimmed) ?? trimmed;
}
