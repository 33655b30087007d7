// The stores (shops) the signed-in user may see: names for the fleet, the enrolment
// form and the user form, loaded once and refreshed after a change.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { StoreRecord } from '../../../../content/schema/hub-api/console/stores.ts';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { useApi } from '../api/use-api.ts';

export const useStoreDirectory = defineStore('store-directory', () => {
  const { callApi } = useApi();
  const stores = shallowRef<StoreRecord[]>([]);
  const loaded = shallowRef(false);
  let pending: Promise<void> | null = null;

  const byId = computed(() => new Map(stores.value.map((s) => [s.id, s])));
  const sorted = computed(() => [...stores.value].sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id)));

  /** Loads the stores; `force` reloads after a change. Throws what the hub said. */
  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    pending ??= callApi(CONSOLE_API.stores)
      .then((answer) => {
        stores.value = answer.stores;
        loaded.value = true;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  function nameOf(storeId: string): string {
    return byId.value.get(storeId)?.name || storeId;
  }

  return { stores: sorted, loaded, load, nameOf };
});
