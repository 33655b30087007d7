// Starts a hub: opens (and migrates) its database, builds the app, listens, starts the
// background jobs and, on PostgreSQL, listens for other processes' commands. Used by
// `npm run hub`, the tests and the benchmarks alike.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { countUsers, createSetupToken } from '../store/queries/accounts.ts';
import { listenForCommands } from '../store/queries/command-notify.ts';
import { openStore, type HubStore } from '../store/open-store.ts';
import { buildHub } from './app.ts';
import { newSetupToken, sha256 } from './auth/secrets.ts';
import { systemClock, type Clock } from './clock.ts';
import { DEFAULT_HUB_OPTIONS, type HubContext, type HubOptions } from './hub-context.ts';
import { startJobs } from './jobs/background-jobs.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CONSOLE_DIR = path.join(repo, 'dist', 'hub-console');

export interface StartHubOptions {
  port?: number;
  host?: string;
  /** SQLite's folder (ignored with a PostgreSQL URL). */
  dataDir?: string;
  databaseUrl?: string | undefined;
  /** The URL people reach the hub at (default: http://host:port). */
  publicUrl?: string;
  clock?: Clock;
  logger?: { level: string } | false;
  /** Run the background jobs (alerts, housekeeping); tests run them by hand. */
  jobs?: boolean;
  options?: Partial<Omit<HubOptions, 'publicUrl'>>;
  poolSize?: number;
}

export interface RunningHub {
  url: string;
  app: FastifyInstance;
  hub: HubContext;
  store: HubStore;
  /** The one-time link that makes the first admin, while there is no account yet. */
  setupUrl: string | null;
  close(): Promise<void>;
}

export async function startHub(o: StartHubOptions = {}): Promise<RunningHub> {
  const clock = o.clock ?? systemClock;
  const store = await openStore({ url: o.databaseUrl, dataDir: o.dataDir ?? 'hub-data', ...(o.poolSize ? { poolSize: o.poolSize } : {}) });
  const host = o.host ?? '127.0.0.1';
  const consoleDir = o.options?.consoleDir !== undefined ? o.options.consoleDir : existsSync(path.join(BUILT_CONSOLE_DIR, 'index.html')) ? BUILT_CONSOLE_DIR : null;
  let app: FastifyInstance | null = null;
  try {
    const dataDir = path.resolve(o.options?.dataDir ?? o.dataDir ?? 'hub-data');
    const packDir = path.resolve(o.options?.packDir ?? (process.env.HUB_PACK_DIR || path.join(dataDir, 'packs')));
    const options: HubOptions = { ...DEFAULT_HUB_OPTIONS, ...o.options, consoleDir, dataDir, packDir, publicUrl: o.publicUrl ?? '' };
    const built = await buildHub({ store, clock, options, logger: o.logger ?? { level: process.env.HUB_LOG_LEVEL ?? 'info' } });
    app = built.app;
    await app.listen({ port: o.port ?? 8080, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : o.port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    options.publicUrl = o.publicUrl ?? url;

    let setupUrl: string | null = null;
    if ((await countUsers(store)) === 0) {
      const token = newSetupToken();
      const now = clock.now();
      await createSetupToken(store, { tokenHash: sha256(token), now, expiresAt: now + 24 * 3_600_000 });
      setupUrl = `${options.publicUrl}/console/setup/${token}`;
    }
    const stopJobs = o.jobs === false ? async () => undefined : startJobs(built.hub);
    const stopListening = listenForCommands(store, o.databaseUrl, (deviceId) => built.hub.waiters.notify(deviceId), (message) => app?.log.warn(message));
    let closed = false;
    return {
      url,
      app,
      hub: built.hub,
      store,
      setupUrl,
      async close() {
        if (closed) return;
        closed = true;
        await stopJobs();
        await stopListening();
        await app!.close();
        await store.close();
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await store.close();
    throw err;
  }
}
