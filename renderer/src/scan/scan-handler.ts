// What happens when anything is scanned, from any screen: wake the kiosk if it is on
// the attract loop, read the code, find the product, record the scan, open the product
// page (or say kindly why the code is not a product code).
import type { EventCatalogue } from '../../../content/schema/events/tracking-plan.ts';
import type { Tracker } from '../events/tracker.ts';
import type { CatalogHit } from '../catalog/catalog-lookup.ts';
import type { ScreenName } from '../navigation/screen-store.ts';
import { afterPaint } from '../components/after-paint.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { productIdOf } from './product-id-of.ts';
import { normaliseScan, type NormaliseOptions } from './gs1/normalise-scan.ts';
import type { ScanNotice, ScanResolution, ScanSource } from './scan-store.ts';

export interface RawScan {
  text: string;
  source: ScanSource;
  /** Decoder format (camera). */
  format?: string;
  /** AIM symbology identifier (camera). */
  symbologyId?: string;
  /** performance.now() of the key or frame that completed the scan. */
  at?: number;
}

export interface ScanHandlerDeps {
  screen: { readonly current: ScreenName; go(screen: ScreenName, params?: Record<string, string>): void };
  session: { readonly active: boolean; wake(trigger: 'scan', goHome: boolean): boolean; markActivity(): void };
  catalog: { find(keys: readonly string[]): Promise<CatalogHit | null> };
  tracker: Pick<Tracker, 'track'>;
  store: { resolve(r: Omit<ScanResolution, 'id'>): number; notify(n: Omit<ScanNotice, 'id'>): void };
  normalise?: NormaliseOptions;
  /**
   * Runs the scan's event recording later: by default once the page it opens is on
   * screen (writing to the outbox opens an IndexedDB transaction, ~3 ms a shopper would
   * otherwise wait for). Tests run it at once.
   */
  later?: (work: () => void) => void;
}

/** Screens a scan must not tear down: a game in play (its coupon is at stake). */
const BUSY_SCREENS: readonly ScreenName[] = ['game'];

export function createScanHandler(deps: ScanHandlerDeps): (scan: RawScan) => Promise<void> {
  let latest = 0;
  const later = deps.later ?? ((work) => void afterPaint().then(work));

  function track(properties: EventCatalogue['Barcode Scanned']): void {
    later(() => deps.tracker.track('Barcode Scanned', properties).catch((err: unknown) => emitAppEvent('track-failed', { event: 'Barcode Scanned', message: String(err) })));
  }

  return async function handleScan(scan) {
    const at = scan.at ?? performance.now();
    const outcome = normaliseScan({ text: scan.text, format: scan.format, symbologyId: scan.symbologyId }, deps.normalise);
    if (BUSY_SCREENS.includes(deps.screen.current)) {
      deps.session.markActivity();
      emitAppEvent('scan-ignored', { source: scan.source, screen: deps.screen.current });
      // Still an interaction the backend counts: what was scanned, and that nothing was looked up.
      const codeType = outcome.recognised ? outcome.candidates[0].codeType : outcome.codeType;
      track({ source: scan.source, code_type: codeType, recognised: outcome.recognised, lookup: 'skipped', reason: 'busy' });
      return;
    }
    const mine = ++latest;
    // The catalog read starts first and runs while the session wakes.
    const lookup = outcome.recognised ? deps.catalog.find(outcome.candidates.map((c) => c.key)) : null;
    lookup?.catch(() => undefined);
    if (!deps.session.active) deps.session.wake('scan', false);
    else deps.session.markActivity();

    if (!outcome.recognised) {
      emitAppEvent('scan', { source: scan.source, recognised: false, reason: outcome.reason, codeType: outcome.codeType, at });
      track({ source: scan.source, code_type: outcome.codeType, recognised: false, lookup: 'skipped', reason: outcome.reason });
      deps.store.notify({ reason: outcome.reason, codeType: outcome.codeType });
      // The scan screen says why and lets the shopper try again.
      if (deps.screen.current === 'attract') deps.screen.go('home');
      if (deps.screen.current !== 'scan') deps.screen.go('scan');
      return;
    }

    let hit: CatalogHit | null = null;
    let failed = false;
    try {
      hit = await lookup;
    } catch (err) {
      failed = true;
      emitAppEvent('catalog-error', { message: String(err) });
    }
    const candidate = hit ? outcome.candidates[hit.index]! : outcome.candidates[0];
    emitAppEvent('scan', { source: scan.source, recognised: true, codeType: candidate.codeType, key: candidate.key, found: hit !== null, at });
    // A newer scan arrived while this one was looked up: that one is what the shopper sees.
    if (mine === latest) {
      const id = deps.store.resolve({ source: scan.source, candidate, product: hit?.product ?? null, failed });
      // From the attract loop the product page sits on top of home, so "back" lands there.
      if (deps.screen.current === 'attract') deps.screen.go('home');
      deps.screen.go('product', { scan: String(id) });
    }
    // Recorded once the page is on screen (see `later`).
    track({
      source: scan.source,
      code_type: candidate.codeType,
      recognised: true,
      lookup: hit ? 'hit' : failed ? 'error' : 'miss',
      ...productIdOf(hit, candidate.key),
    });
  };
}
