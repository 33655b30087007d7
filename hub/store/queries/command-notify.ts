// Wakes long-polls waiting for a kiosk's commands in every hub process: PostgreSQL's
// LISTEN/NOTIFY carries the kiosk's device id to each process; SQLite is one process
// and needs nothing.
import pg from 'pg';
import { sql } from 'kysely';
import type { HubStore } from '../open-store.ts';

const CHANNEL = 'hub_commands';

/** Tells every hub process that commands wait for these kiosks. */
export async function announceCommands(store: HubStore, deviceIds: readonly string[]): Promise<void> {
  if (store.dialect !== 'postgres') return;
  for (const id of new Set(deviceIds)) await sql`SELECT pg_notify(${CHANNEL}, ${id})`.execute(store.db);
}

/**
 * Listens for announcements on a connection of its own, reconnecting when it drops.
 * Returns a function that stops listening. On SQLite it does nothing.
 */
export function listenForCommands(store: HubStore, url: string | undefined, onDevice: (deviceId: string) => void, onProblem: (message: string) => void): () => Promise<void> {
  if (store.dialect !== 'postgres' || !url) return async () => undefined;
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) onDevice(n.payload);
    });
    next.on('error', (err) => {
      onProblem(`command notifications lost their connection: ${err.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      retry = setTimeout(() => void connect(), 5_000);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      client = next;
    } catch (err) {
      onProblem(`cannot listen for command notifications: ${(err as Error).message}`);
      await next.end().catch(() => undefined);
      retry = setTimeout(() => void connect(), 5_000);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
