// `npm run hub`: the hub on http://127.0.0.1:8080 with its embedded SQLite database in
// hub-data/ (made on first run). `-- --port N --host H --data DIR`, or HUB_PORT,
// HUB_HOST, HUB_DATA_DIR; HUB_DATABASE_URL=postgres://… runs it on PostgreSQL instead.
import { parseArgs } from 'node:util';
import { startHub } from './start-hub.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'public-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Shopfront hub

  npm run hub [-- --port 8080 --host 127.0.0.1 --data hub-data --public-url https://hub.example.com]

  HUB_PORT, HUB_HOST, HUB_DATA_DIR, HUB_PUBLIC_URL   the same, as environment variables
  HUB_DATABASE_URL=postgres://user:pass@host/db        PostgreSQL instead of the embedded SQLite
  HUB_TIMEZONE=Asia/Shanghai                            time zone of stores not set up yet
  HUB_PACK_DIR=<data>/packs                             content packs (shared storage with several processes)
  HUB_SECRET=…                                          encrypts the pack signing key (else <data>/pack-signing-wrap.key)
  HUB_LOG_LEVEL=info                                    debug, info, warn or error
  HUB_TRUST_PROXY=1                                     behind a reverse proxy (X-Forwarded-For)`);
  process.exit(0);
}

const port = Number(values.port ?? process.env.HUB_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (got ${values.port ?? process.env.HUB_PORT})`);
  process.exit(2);
}

try {
  const hub = await startHub({
    port,
    host: values.host ?? process.env.HUB_HOST ?? '127.0.0.1',
    dataDir: values.data ?? process.env.HUB_DATA_DIR ?? 'hub-data',
    databaseUrl: process.env.HUB_DATABASE_URL || undefined,
    ...((values['public-url'] ?? process.env.HUB_PUBLIC_URL) ? { publicUrl: values['public-url'] ?? process.env.HUB_PUBLIC_URL } : {}),
  });
  const where = hub.store.dialect === 'sqlite' ? `SQLite ${hub.store.location}` : `PostgreSQL ${hub.store.location}`;
  console.log(`Shopfront hub on ${hub.url} (${where})`);
  console.log(`Console: ${hub.hub.options.publicUrl}/console/`);
  if (hub.setupUrl) console.log(`No admin yet. Create the first admin (this link works once, for 24 hours):\n  ${hub.setupUrl}`);
  if (!hub.hub.options.consoleDir) console.log('The console is not built: run "npm run build:console" to serve it.');
  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
    void hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  console.error(`The hub could not start: ${(err as Error).message}`);
  process.exit(1);
}
