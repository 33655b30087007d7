// `npm run collector -- [--port 8787] [--host 127.0.0.1] [--db collector.sqlite] [--write-key KEY]`
// Runs the reference collector until Ctrl-C. Environment: COLLECTOR_PORT, COLLECTOR_HOST,
// COLLECTOR_DB, COLLECTOR_WRITE_KEY (comma-separated for several keys).
import { parseArgs } from 'node:util';
import { startCollector } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.COLLECTOR_PORT ?? '8787' },
    host: { type: 'string', default: process.env.COLLECTOR_HOST ?? '127.0.0.1' },
    db: { type: 'string', default: process.env.COLLECTOR_DB ?? 'collector.sqlite' },
    'write-key': { type: 'string', multiple: true, default: (process.env.COLLECTOR_WRITE_KEY ?? '').split(',').filter(Boolean) },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const writeKeys = values['write-key'];
const collector = await startCollector({ port, host: values.host, dbFile: values.db, writeKeys });
console.log(`Collector listening on ${collector.url} — POST ${collector.url}/v1/batch, GET ${collector.url}/v1/kiosks/<deviceId>/health`);
console.log(`Storing into ${values.db}`);
if (writeKeys.length === 0) console.log('No --write-key given: accepting any write key.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void collector.close().then(() => process.exit(0));
  });
}
