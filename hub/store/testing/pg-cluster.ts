// A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp folder,
// listening on 127.0.0.1 and a free port, trust auth for local connections, stopped and
// deleted by `stop()`. PostgreSQL refuses to run as root, so as root the cluster belongs
// to the `postgres` user (runuser); as anyone else it belongs to that user.
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  /** postgres://… for the `hub` database. */
  url: string;
  port: number;
  /** A URL for another database in the same cluster (created on demand with createDatabase). */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function pgUnavailable(): string | null {
  if (!existsSync(path.join(BIN, 'initdb'))) return `PostgreSQL 15 is not installed (no ${BIN}/initdb): apt-get install -y postgresql, or set PG_BIN`;
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function owner(): Promise<{ uid: number; gid: number; as: string[] } | null> {
  if (process.getuid?.() !== 0) return null;
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(stdout.trim()), gid: Number(gid.trim()), as: ['runuser', '-u', 'postgres', '--'] };
}

export interface PgClusterOptions {
  database?: string;
  /**
   * fsync and full-page writes on, as a production server runs (benchmarks). Tests run
   * without them: they kill hub processes, never the database server.
   */
  durable?: boolean;
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const unavailable = pgUnavailable();
  if (unavailable) throw new Error(unavailable);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-pg-'));
  const data = path.join(dir, 'data');
  const who = await owner();
  if (who) {
    await chown(dir, who.uid, who.gid);
    await chmod(dir, 0o700);
  }
  const exec = (cmd: string, args: string[]) => {
    const [file, ...rest] = who ? [...who.as, path.join(BIN, cmd), ...args] : [path.join(BIN, cmd), ...args];
    return run(file!, rest, { cwd: dir });
  };
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', ...(options.durable ? [] : ['--no-sync'])]);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    // A durable server is set up as one taking a fleet's events (README, "Running the hub"):
    // it writes WAL fast, and at the default 1GB the ingest benchmark checkpointed every
    // 20–30 s (PostgreSQL logs a hint to raise it); with the default 128MB of shared
    // buffers its sessions wrote out three times as many pages themselves, each a write
    // in an upload's transaction.
    ...(options.durable ? ['-c max_wal_size=8GB', '-c shared_buffers=2GB'] : ['-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off', '-c shared_buffers=128MB']),
    `-c max_connections=200`,
  ].join(' ');
  await exec('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-o', settings, '-w', '-t', '60', 'start']);
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const createDatabase = async (name: string) => {
    await exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
    return urlFor(name);
  };
  const database = options.database ?? 'hub';
  await createDatabase(database);
  let stopped = false;
  return {
    url: urlFor(database),
    port,
    urlFor,
    createDatabase,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
