// Which product the product page shows (the latest scan, or a related product by GTIN),
// and the events it records once the page is on screen.
import { nextTick, onMounted, shallowRef } from 'vue';
import type { Product } from '../../../content/schema/product.ts';
import { useCatalogStore } from '../catalog/catalog-store.ts';
import { afterPaint } from '../components/after-paint.ts';
import { useTracker } from '../events/tracker.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import type { CodeDetails } from '../scan/gs1/code-details.ts';
import { productIdOf } from '../scan/product-id-of.ts';
import { useScanStore, type ScanResolution } from '../scan/scan-store.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { productViewedProperties } from './product-viewed.ts';

export type ProductView =
  | { kind: 'loading' }
  | { kind: 'product'; product: Product; details: CodeDetails; via: 'scan' | 'related' }
  | { kind: 'unknown'; code: string | null; unavailable: boolean; scan: ScanResolution | null };

export function useProductView() {
  const screen = useScreenStore();
  const scans = useScanStore();
  const catalog = useCatalogStore();
  const pack = useShownPackStore();
  const tracker = useTracker();
  const view = shallowRef<ProductView>({ kind: 'loading' });
  // Recorded once the page is on screen: the outbox's write would hold up its first frame.
  const track: typeof tracker.track = (event, properties) =>
    afterPaint()
      .then(() => tracker.track(event, properties))
      .catch((err: unknown) => emitAppEvent('track-failed', { event, message: String(err) }));

  function fromScan(scan: ScanResolution): ProductView {
    return scan.product
      ? { kind: 'product', product: scan.product, details: scan.candidate.details, via: 'scan' }
      : { kind: 'unknown', code: scan.candidate.key, unavailable: scan.failed, scan };
  }

  /** The view for the latest scan, known at once (no loading state between scan and page). */
  function fromParams(): ProductView | null {
    const { scan, gtin } = screen.params;
    const latest = scans.resolution;
    if (gtin) return null;
    if (latest && (scan === undefined || String(latest.id) === scan)) return fromScan(latest);
    return { kind: 'unknown', code: null, unavailable: false, scan: null };
  }

  /** A related product, read from the catalog by its GTIN. */
  async function fromCatalog(gtin: string): Promise<ProductView> {
    try {
      const hit = await catalog.find([gtin]);
      return hit ? { kind: 'product', product: hit.product, details: {}, via: 'related' } : { kind: 'unknown', code: gtin, unavailable: false, scan: null };
    } catch {
      return { kind: 'unknown', code: gtin, unavailable: true, scan: null };
    }
  }

  function record(shown: ProductView): void {
    const currency = pack.data?.branding.currency ?? 'CNY';
    if (shown.kind === 'product') {
      void track('Product Viewed', productViewedProperties(shown.product, currency, shown.via));
      emitAppEvent('product-shown', { gtin: shown.product.gtin, found: true, via: shown.via });
    } else if (shown.kind === 'unknown') {
      if (shown.scan) {
        void track('Product Not Found', {
          ...productIdOf(null, shown.scan.candidate.key),
          code_type: shown.scan.candidate.codeType,
          source: shown.scan.source,
          reason: shown.unavailable ? 'catalog-unreadable' : 'not-in-catalog',
        });
      }
      emitAppEvent('product-shown', { gtin: shown.code, found: false, unavailable: shown.unavailable });
    }
  }

  const immediate = fromParams();
  if (immediate) view.value = immediate;

  onMounted(async () => {
    // The page for a scan is in the DOM now; a related product is read first.
    if (immediate) return record(immediate);
    const shown = await fromCatalog(screen.params.gtin ?? '');
    view.value = shown;
    await nextTick();
    record(shown);
  });

  return { view };
}
