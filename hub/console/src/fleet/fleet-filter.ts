// The fleet page's rules, pure: which kiosks a filter keeps, how they are counted and sorted.
import type { KioskRow } from '../../../../content/schema/hub-api/console/fleet.ts';

export const STATUS_FILTERS = ['all', 'online', 'offline', 'alerts'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface FleetFilter {
  /** null: every store. */
  storeId: string | null;
  /** Part of a kiosk's name or device id, any case. */
  text: string;
  status: StatusFilter;
}

export const NO_FILTER: FleetFilter = { storeId: null, text: '', status: 'all' };

export interface FleetCounts {
  total: number;
  online: number;
  offline: number;
  withAlerts: number;
}

/** Online: the hub heard a heartbeat lately, and the kiosk still has its credential. */
export function isOnline(row: KioskRow): boolean {
  return row.online && !row.revoked;
}

function matchesStatus(row: KioskRow, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'online':
      return isOnline(row);
    case 'offline':
      return !isOnline(row);
    case 'alerts':
      return row.openAlerts > 0;
  }
}

/** The store and text filters (what the counts are counted over). */
export function filterByStoreAndText(rows: readonly KioskRow[], filter: Pick<FleetFilter, 'storeId' | 'text'>): KioskRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.storeId === null || row.storeId === filter.storeId) &&
      (text === '' || row.name.toLowerCase().includes(text) || row.deviceId.toLowerCase().includes(text)),
  );
}

export function filterFleet(rows: readonly KioskRow[], filter: FleetFilter): KioskRow[] {
  return filterByStoreAndText(rows, filter).filter((row) => matchesStatus(row, filter.status));
}

export function countFleet(rows: readonly KioskRow[]): FleetCounts {
  let online = 0;
  let withAlerts = 0;
  for (const row of rows) {
    if (isOnline(row)) online++;
    if (row.openAlerts > 0) withAlerts++;
  }
  return { total: rows.length, online, offline: rows.length - online, withAlerts };
}

/**
 * By store name, then kiosk name, then device id: a stable order between refreshes. Each
 * store's name is looked up once, not in every comparison (5,000 kiosks take some 60,000).
 */
export function sortFleet(rows: readonly KioskRow[], storeName: (storeId: string) => string): KioskRow[] {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const names = new Map<string, string>();
  for (const row of rows) if (!names.has(row.storeId)) names.set(row.storeId, storeName(row.storeId));
  return rows
    .map((row) => ({ row, store: names.get(row.storeId)! }))
    .sort((a, b) => collator.compare(a.store, b.store) || collator.compare(a.row.name, b.row.name) || a.row.deviceId.localeCompare(b.row.deviceId))
    .map((d) => d.row);
}
