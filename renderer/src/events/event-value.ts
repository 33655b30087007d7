// Which events the outbox may give up when it reaches its byte budget. Heartbeats and
// gestures go first, then everything not listed, and never coupons, scans or sessions:
// those are what a retailer pays for and what a shopper saw.

/** 0 = shed first, 1 = shed when nothing of rank 0 is left, 2 = never shed. */
export type ShedRank = 0 | 1 | 2;

export const SHED_FIRST: ReadonlySet<string> = new Set(['Kiosk Heartbeat', 'Gesture Used', 'Screen Viewed']);

export const NEVER_SHED: ReadonlySet<string> = new Set([
  'Session Started',
  'Session Ended',
  'Attract Woken',
  'Barcode Scanned',
  'Coupon Issued',
  'Coupon Not Issued',
  // Carries the prize decision, for audit.
  'Game Finished',
  'Pack Activated',
  'Pack Import Failed',
  'Pack Rolled Back',
  'Events Dropped',
]);

export function shedRank(event: string): ShedRank {
  if (NEVER_SHED.has(event)) return 2;
  if (SHED_FIRST.has(event)) return 0;
  return 1;
}
