import { z } from 'zod';
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
