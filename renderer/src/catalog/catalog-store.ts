// The catalog of the active pack: a fresh lookup (and shard cache) for each pack
// activation, its index loaded as soon as the pack is, so the first scan waits for one
// shard at most; a few seconds later its shards are copied into the catalogue mirror,
// from which later scans read them.
import { defineStore } from 'pinia';
import { watch } from 'vue';
import { untilOffScreen } from '../navigation/until-off-screen.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { CatalogMirror } from './catalog-mirror.ts';
import { createCatalogLookup, type CatalogHit, type CatalogLookup } from './catalog-lookup.ts';
import { fillMirror } from './mirror-fill.ts';

/** After a pack is shown, the mirror waits this long before copying: the attract loop starts first. */
const FILL_DELAY_MS = 5_000;
/** Between two shards (a 100,000-product catalogue is ~800 shards: under a minute). */
const FILL_PAUSE_MS = 20;

/**
 * The mirror, where this renderer can keep one: IndexedDB, and SHA-256 to check what it
 * keeps (a secure context: the kiosk's app:// and a browser on localhost; a browser
 * kiosk on plain http elsewhere reads every shard from the pack).
 */
function openMirror(): CatalogMirror | null {
  if (typeof indexedDB === 'undefined' || !globalThis.crypto?.subtle) return null;
  return new CatalogMirror(undefined, (message) => emitAppEvent('catalog-error', { message }));
}

export const useCatalogStore = defineStore('catalog', () => {
  const pack = useShownPackStore();
  const mirror = openMirror();
  let lookup: CatalogLookup | null = null;
  let filling: AbortController | null = null;

  function open(): CatalogLookup | null {
    const data = pack.data;
    if (!data?.baseUrl) return null;
    lookup ??= createCatalogLookup(data.baseUrl, {
      onInvalidProduct: (gtin, message) => emitAppEvent('catalog-invalid-product', { gtin, message }),
      mirror: mirror?.forPack(data.manifest.files),
    });
    return lookup;
  }

  function fillLater(): void {
    filling?.abort();
    const data = pack.data;
    if (!mirror || !data) return;
    const controller = (filling = new AbortController());
    setTimeout(() => {
      if (controller.signal.aborted) return;
      const started = performance.now();
      fillMirror({ mirror, files: data.manifest.files, baseUrl: data.baseUrl, signal: controller.signal, pauseMs: FILL_PAUSE_MS, whenQuiet: (signal) => untilOffScreen('game', signal) }).then(
        (result) => {
          if (result.aborted) return;
          for (const problem of result.skipped) emitAppEvent('catalog-error', { message: `not mirrored: ${problem}` });
          emitAppEvent('catalog-mirrored', { shards: result.shards, copied: result.copied, skipped: result.skipped.length, deleted: result.deleted, ms: Math.round(performance.now() - started) });
        },
        (err: unknown) => emitAppEvent('catalog-error', { message: `the catalogue mirror stopped: ${String(err)}` }),
      );
    }, FILL_DELAY_MS);
  }

  watch(
    () => [pack.data, pack.active?.activation] as const,
    () => {
      lookup = null;
      open()?.warm().catch((err: unknown) => emitAppEvent('catalog-error', { message: String(err) }));
      fillLater();
    },
    { immediate: true },
  );

  /** The first of `keys` that names a product in the active pack; null when none does or no pack is active. */
  async function find(keys: readonly string[]): Promise<CatalogHit | null> {
    return (await open()?.find(keys)) ?? null;
  }

  return { find };
});
