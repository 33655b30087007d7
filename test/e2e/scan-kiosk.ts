// Shared set-up of the scan end-to-end tests: a kiosk whose engagement log uploads to
// its own hub, and what a shopper sees for a product of the pack in use.
import type { Page } from '@playwright/test';
import type { Product } from '../../content/schema/product.ts';
import { scannerBurst } from '../support/wedge-keys.ts';
export { testWithHub as test, storedEvents } from './fixtures.ts';

/** The price a shopper pays, as the product page shows it in Chinese. */
export function shownPrice(product: Product): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format((product.promoPrice ?? product.price) / 100);
}

/** Scans like a keyboard-wedge scanner: the code as one burst of key presses, then Enter. */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await scannerBurst(page, `${code}\n`);
}
