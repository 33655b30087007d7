// The catalog of the active pack: a fresh lookup (and shard cache) for each pack
// activation, its index loaded as soon as the pack is, so the first scan waits for one
// shard at most.
import { defineStore } from 'pinia';
import { watch } from 'vue';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';
import { createCatalogLookup, type CatalogHit, type CatalogLookup } from './catalog-lookup.ts';

export const useCatalogStore = defineStore('catalog', () => {
  const pack = useShownPackStore();
  let lookup: CatalogLookup | null = null;

  function open(): CatalogLookup | null {
    const baseUrl = pack.data?.baseUrl;
    if (!baseUrl) return null;
    lookup ??= createCatalogLookup(baseUrl, {
      onInvalidProduct: (gtin, message) => emitAppEvent('catalog-invalid-product', { gtin, message }),
    });
    return lookup;
  }

  watch(
    () => [pack.data, pack.active?.activation] as const,
    () => {
      lookup = null;
      open()?.warm().catch((err: unknown) => emitAppEvent('catalog-error', { message: String(err) }));
    },
    { immediate: true },
  );

  /** The first of `keys` that names a product in the active pack; null when none does or no pack is active. */
  async function find(keys: readonly string[]): Promise<CatalogHit | null> {
    return (await open()?.find(keys)) ?? null;
  }

  return { find };
});
