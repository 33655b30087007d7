// The fleet table's columns: one list for the header and every row. Each column is at
// least its width (headers wrap to a second line to fit it); where the table has more
// room, every column grows in proportion, so a large screen shows it whole.
export const FLEET_COLUMNS = [
  { id: 'name', width: 180, numeric: false },
  { id: 'store', width: 140, numeric: false },
  { id: 'status', width: 90, numeric: false },
  { id: 'heartbeat', width: 100, numeric: true },
  { id: 'appVersion', width: 160, numeric: false },
  { id: 'pack', width: 170, numeric: false },
  { id: 'outbox', width: 90, numeric: true },
  { id: 'oldestUnsent', width: 100, numeric: true },
  { id: 'seqGaps', width: 80, numeric: true },
  { id: 'restarts', width: 100, numeric: true },
  { id: 'camera', width: 110, numeric: false },
  { id: 'scanner', width: 120, numeric: false },
  { id: 'lastInteraction', width: 110, numeric: true },
  { id: 'alerts', width: 70, numeric: true },
] as const;

export type FleetColumnId = (typeof FLEET_COLUMNS)[number]['id'];

export const FLEET_GRID = FLEET_COLUMNS.map((c) => `minmax(${c.width}px, ${c.width}fr)`).join(' ');
/** The table's least width: below it, the table scrolls sideways (its first column stays). */
export const FLEET_WIDTH = FLEET_COLUMNS.reduce((sum, c) => sum + c.width, 0);
export const FLEET_ROW_HEIGHT = 44;
