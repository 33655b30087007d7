// The scan handler wired to the app's stores and event tracker: one per app, kept in a
// store, so every source (hand scanners app-wide, the camera on the scan screen) goes
// through the same handler and the newest scan wins whichever device it came from.
import { defineStore } from 'pinia';
import { useCatalogStore } from '../catalog/catalog-store.ts';
import { useTracker } from '../events/tracker.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useSessionStore } from '../session/session-store.ts';
import { createScanHandler, type RawScan } from './scan-handler.ts';
import { useScanStore } from './scan-store.ts';

const useScanHandlerStore = defineStore('scan-handler', () => {
  const handle = createScanHandler({
    screen: useScreenStore(),
    session: useSessionStore(),
    catalog: useCatalogStore(),
    tracker: useTracker(),
    store: useScanStore(),
  });
  return { handle };
});

export function useScanHandler(): (scan: RawScan) => Promise<void> {
  return useScanHandlerStore().handle;
}
