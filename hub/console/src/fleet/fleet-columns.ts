// The fleet table's columns: one list for the header and every row.
export const FLEET_COLUMNS = [
  { id: 'name', width: 200, numeric: false },
  { id: 'store', width: 150, numeric: false },
  { id: 'status', width: 96, numeric: false },
  { id: 'heartbeat', width: 118, numeric: true },
  { id: 'appVersion', width: 100, numeric: false },
  { id: 'pack', width: 180, numeric: false },
  { id: 'outbox', width: 90, numeric: true },
  { id: 'oldestUnsent', width: 110, numeric: true },
  { id: 'seqGaps', width: 90, numeric: true },
  { id: 'restarts', width: 120, numeric: true },
  { id: 'camera', width: 110, numeric: false },
  { id: 'scanner', width: 120, numeric: false },
  { id: 'lastInteraction', width: 130, numeric: true },
  { id: 'alerts', width: 90, numeric: true },
] as const;

export type FleetColumnId = (typeof FLEET_COLUMNS)[number]['id'];

export const FLEET_GRID = FLEET_COLUMNS.map((c) => `${c.width}px`).join(' ');
export const FLEET_WIDTH = FLEET_COLUMNS.reduce((sum, c) => sum + c.width, 0);
export const FLEET_ROW_HEIGHT = 44;
