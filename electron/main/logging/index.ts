// The kiosk's log: a redacted, rolled, size-capped file in the data folder's logs/.
export * from './kiosk-log.ts';
export * from './log-tail.ts';
export * from './redact.ts';
export * from './renderer-log-gate.ts';
export * from './rolling-file.ts';
export * from './renderer-log-sink.ts';
