// The fleet list asked for while the hub is still asked who is signed in: the fleet is
// where a sign-in lands, and its list is the page's longest wait. The page takes the
// answer if it mounts soon after; otherwise it asks again as it always does.
import type { ApiClient } from '../api/call-api.ts';
import { fetchFleet, type FleetList } from './fleet-list.ts';

/** An answer older than this is not taken: the page asks afresh. */
const FRESH_MS = 10_000;
let pending: { at: number; answer: Promise<FleetList> } | null = null;

export function prefetchFleet(api: ApiClient, now = Date.now()): void {
  const answer = fetchFleet(api);
  // Not signed in, or not allowed: the guard deals with that; the page will ask itself.
  answer.catch(() => undefined);
  pending = { at: now, answer };
}

/** The prefetched answer, once, if it is fresh; null otherwise. */
export function takeFleetPrefetch(now = Date.now()): Promise<FleetList> | null {
  const taken = pending;
  pending = null;
  return taken && now - taken.at <= FRESH_MS ? taken.answer : null;
}
