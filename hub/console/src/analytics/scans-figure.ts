// The most scanned products and the codes the catalogue lacks, codes written as the
// shopper's barcode reads them.
import type { z } from 'zod';
import type { ProductScans } from '../../../../content/schema/hub-api/console/analytics.ts';
import { barListOption, heightFor } from './bar-list.ts';
import { CHART_COLORS, figureText, numberText, type Figure, type FigureFormat } from './figure-kit.ts';

export type ScanRow = z.infer<typeof ProductScans>;

/**
 * A GTIN-14 key as printed under the barcode: an EAN-13 padded with one leading 0 loses
 * it again (06901234567892 → 6901234567892). Anything else is shown as it came.
 */
export function barcodeText(productId: string): string {
  return /^0\d{13}$/.test(productId) ? productId.slice(1) : productId;
}

export function scansFigure(rows: readonly ScanRow[], format: FigureFormat, color: string = CHART_COLORS.main): Figure {
  const { t } = format;
  const sorted = [...rows].sort((a, b) => b.scans - a.scans || a.productId.localeCompare(b.productId));
  const table = {
    columns: [
      { label: t('analytics.scans.col.code'), kind: 'text' as const },
      { label: t('analytics.scans.col.scans'), kind: 'count' as const },
      { label: t('analytics.scans.col.kiosks'), kind: 'count' as const },
    ],
    rows: sorted.map((r) => [barcodeText(r.productId), r.scans, r.kiosks]),
  };
  const bars = sorted.map((r) => ({ label: barcodeText(r.productId), value: r.scans, text: numberText({ value: r.scans, kind: 'count' }, format), color }));
  return {
    option: barListOption(bars, (v) => format.num(v, 0)),
    text: figureText(table, format),
    table,
    empty: rows.length === 0,
    height: heightFor(bars.length),
  };
}
