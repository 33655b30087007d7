// The hub as a benchmark runs it: its own OS process, started as `npm run hub` starts it
// (the bundled server on plain Node, with the Node flags that script gives it), so the
// load generator and the hub do not share a core's event loop; its RSS is read from /proc.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface HubProcess {
  url: string;
  pid: number;
  /** Resident memory of the hub process now, bytes. */
  rss(): number;
  /** CPU time the hub process has used so far, seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

let built = false;

/** The Node flags `npm run hub` starts the hub with (its heap cap), so a benchmark measures the hub as it runs. */
export function hubNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const flags = /\bnode((?:\s+--\S+)*)\s+dist\/hub\/cli\.mjs/.exec(scripts.hub ?? '')?.[1];
  if (flags === undefined) throw new Error('package.json\'s "hub" script does not run dist/hub/cli.mjs with node');
  return flags.trim().split(/\s+/).filter(Boolean);
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  if (!built) {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'build/scripts/build-hub.ts')], { cwd: repo, stdio: 'ignore' });
    built = true;
  }
  const port = await freePort();
  // BENCH_HUB_NODE_FLAGS replaces them, to measure what a flag costs or saves ('' for Node's defaults).
  const nodeFlags = process.env.BENCH_HUB_NODE_FLAGS !== undefined ? process.env.BENCH_HUB_NODE_FLAGS.split(/\s+/).filter(Boolean) : hubNodeFlags();
  const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HUB_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, ...profile, path.join(repo, 'dist/hub/cli.mjs'), '--port', String(port)], {
    cwd: repo,
    env: { ...process.env, HUB_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Shopfront hub on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    cpuSeconds() {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    // A second stop (a bench's finally after its own stop) finds the process gone and returns at once.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
