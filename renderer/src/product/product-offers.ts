// The offers of the moment that name this product.
import type { Promotion } from '../../../content/schema/promotion.ts';

export function offersFor(promotions: readonly Promotion[], gtin: string): Promotion[] {
  return promotions.filter((p) => p.products.includes(gtin));
}
