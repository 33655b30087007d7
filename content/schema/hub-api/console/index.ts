// The console's API: what the hub's web console (and any script with a session) calls.
export * from './auth.ts';
export * from './users.ts';
export * from './stores.ts';
export * from './fleet.ts';
export * from './alerts.ts';
export * from './analytics.ts';
export * from './tills.ts';
export * from './packs.ts';
export * from './pack-drafts.ts';
export * from './pack-diff.ts';
