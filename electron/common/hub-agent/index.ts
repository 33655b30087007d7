// The kiosk's hub agent: enrolment, heartbeats, commands. Plain TypeScript (no Electron,
// no DOM): main and the browser-mode host run the same code.
export * from './agent-clock.ts';
export * from './agent-stores.ts';
export * from './command-ledger.ts';
export * from './heartbeat-body.ts';
export * from './hub-agent.ts';
export * from './hub-client.ts';
export * from './hub-payloads.ts';
export * from './hub-rules.ts';
export * from './hub-settings.ts';
