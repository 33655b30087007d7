// A product sheet in CSV → product records: the pack folder's products.csv. The reading
// itself (CSV and Excel alike) is in ../sheet/.
import type { Category } from '../../../schema/product.ts';
import { readCsvProducts, type SheetProducts } from '../sheet/product-sheet.ts';

export type { SheetProducts } from '../sheet/product-sheet.ts';
export { columnForField } from '../sheet/product-row.ts';

export function readProductSheet(bytes: Uint8Array, file: string, categories: readonly Category[]): SheetProducts {
  return readCsvProducts(bytes, file, categories);
}
