export * from './kiosk-api.ts';
export * from './host-contract.ts';
export type * from './kiosk-settings.ts';
export * from './csp.ts';
