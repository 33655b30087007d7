// The scan handler wired to the app's stores and event tracker (one per app).
import { useCatalogStore } from '../catalog/catalog-store.ts';
import { useTracker } from '../events/tracker.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { createScanHandler, type RawScan } from './scan-handler.ts';
import { useScanStore } from './scan-store.ts';

export function useScanHandler(): (scan: RawScan) => Promise<void> {
  return createScanHandler({
    screen: useScreenStore(),
    session: useSessionStore(),
    catalog: useCatalogStore(),
    tracker: useTracker(),
    store: useScanStore(),
  });
}
