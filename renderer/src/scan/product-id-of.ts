// The product a scan event may name.
import { isPublicGtin } from '../../../content/schema/gtin.ts';
import type { CatalogHit } from '../catalog/catalog-lookup.ts';

/**
 * What a scan event may say about the product: the catalogue's id when it knows the code;
 * otherwise the code only when it is a public GTIN. A store's own or restricted-circulation
 * number may be a loyalty card's, and the scanned text of those never leaves the kiosk.
 */
export function productIdOf(hit: CatalogHit | null, key: string): { product_id?: string } {
  if (hit) return { product_id: hit.product.gtin };
  return isPublicGtin(key) ? { product_id: key } : {};
}
