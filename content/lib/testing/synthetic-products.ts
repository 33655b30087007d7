// Many plain products with valid GTINs, for catalog tests and benchmarks.
import { withCheckDigit } from '../../schema/gtin.ts';
import type { Product } from '../../schema/product.ts';

export const syntheticGtin = (i: number): string => withCheckDigit(`069${String(i).padStart(10, '0')}`);

export const syntheticProducts = (count: number): Product[] =>
  Array.from({ length: count }, (_, i) => ({
    gtin: syntheticGtin(i),
    codes: [`SKU-${i}`],
    category: 'c',
    name: { 'zh-CN': `商品 ${i}`, en: `Product ${i}` },
    price: 100 + i,
    images: [],
    specs: [],
    related: [],
  }));
