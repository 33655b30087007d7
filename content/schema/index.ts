// The pack format and the kiosk's settings: one source of truth for the merchandiser
// tool, the kiosk's import and the renderer.
export * from './gtin.ts';
export * from './localized.ts';
export * from './primitives.ts';
export * from './media-variants.ts';
export * from './product.ts';
export * from './promotion.ts';
export * from './campaign.ts';
export * from './schedule.ts';
export * from './game-config.ts';
export * from './playlist.ts';
export * from './branding.ts';
export * from './manifest.ts';
export * from './layout.ts';
export * from './catalog.ts';
export * from './pack-data.ts';
export * from './kiosk-config.ts';
export * from './migrations.ts';
