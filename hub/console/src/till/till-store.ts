// Which store this browser is the till of, remembered on this computer (a setting, not
// a coupon: nothing a shopper showed is kept).
export const TILL_STORE_KEY = 'hub-console.till-store';

export function savedTillStore(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | null {
  try {
    return storage?.getItem(TILL_STORE_KEY) || null;
  } catch {
    return null;
  }
}

export function saveTillStore(storeId: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(TILL_STORE_KEY, storeId);
  } catch {
    // Not remembered; chosen all the same.
  }
}

/** The store to start with: the one remembered when the user still has it, else the only one, else none. */
export function initialTillStore(saved: string | null, storeIds: readonly string[]): string | null {
  if (saved && storeIds.includes(saved)) return saved;
  return storeIds.length === 1 ? storeIds[0]! : null;
}
