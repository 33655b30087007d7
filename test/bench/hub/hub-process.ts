// The hub as a benchmark runs it: its own OS process, started as `npm run hub` starts it
// (the bundled server on plain Node), so the load generator and the hub do not share a
// core's event loop; its RSS is read from /proc.
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

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  if (!built) {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'build/scripts/build-hub.ts')], { cwd: repo, stdio: 'ignore' });
    built = true;
  }
  const port = await freePort();
  const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HUB_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(repo, 'dist/hub/cli.mjs'), '--port', String(port)], {
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
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
