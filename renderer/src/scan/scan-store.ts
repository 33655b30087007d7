// The shopper's latest scan: what the product page shows for it, or why the code was
// not a product code. Cleared when the shopper session ends.
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { Product } from '../../../content/schema/product.ts';
import { useSessionStore } from '../session/session-store.ts';
import type { ScanCandidate, UnrecognisedReason, UnrecognisedType } from './gs1/normalise-scan.ts';

export type ScanSource = 'scanner' | 'camera';

export interface ScanResolution {
  id: number;
  source: ScanSource;
  /** The reading that found the product, or the first reading when none did. */
  candidate: ScanCandidate;
  product: Product | null;
  /** The catalog could not be read (as opposed to: the product is not in it). */
  failed: boolean;
}

export interface ScanNotice {
  id: number;
  reason: UnrecognisedReason;
  codeType: UnrecognisedType;
}

export const useScanStore = defineStore('scan', () => {
  const resolution = shallowRef<ScanResolution | null>(null);
  const notice = shallowRef<ScanNotice | null>(null);
  let nextId = 1;

  function resolve(r: Omit<ScanResolution, 'id'>): number {
    const id = nextId++;
    resolution.value = { ...r, id };
    notice.value = null;
    return id;
  }

  function notify(n: Omit<ScanNotice, 'id'>): void {
    notice.value = { ...n, id: nextId++ };
  }

  function clear(): void {
    resolution.value = null;
    notice.value = null;
  }

  useSessionStore().onReset(clear);

  return { resolution, notice, resolve, notify, clear };
});
