// The kiosk↔hub HTTP API: every route declared once, with its schemas. The hub's routes
// and the kiosk's clients are both built on these declarations.
export * from './route.ts';
export * from './errors.ts';
export * from './track-message.ts';
export * from './batch.ts';

import { batchRoute } from './batch.ts';

/** Every route of the hub, by name. */
export const HUB_API = {
  batch: batchRoute,
} as const;
