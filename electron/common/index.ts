export type * from './kiosk-api.ts';
export type * from './kiosk-settings.ts';
export * from './channels.ts';
export * from './csp.ts';
