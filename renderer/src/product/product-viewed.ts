// The "Product Viewed" event for a product page (Segment e-commerce spec properties).
import { localize } from '../../../content/schema/localized.ts';
import { brandName, type Product } from '../../../content/schema/product.ts';
import type { EventCatalogue } from '../../../content/schema/events/tracking-plan.ts';
import { toMajorUnits } from './money.ts';

export function productViewedProperties(product: Product, currency: string, via: 'scan' | 'related'): EventCatalogue['Product Viewed'] {
  const properties: EventCatalogue['Product Viewed'] = {
    product_id: product.gtin,
    sku: product.gtin,
    category: product.category,
    // One name per product for reporting, whatever language the shopper chose.
    name: localize(product.name, 'zh-CN'),
    price: toMajorUnits(product.promoPrice ?? product.price, currency),
    currency,
    via,
  };
  const brand = brandName(product.brand, 'zh-CN');
  if (brand) properties.brand = brand;
  return properties;
}
