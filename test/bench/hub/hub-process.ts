// The hub as a benchmark runs it: its own OS process (`npm run hub`'s entry), so the
// load generator and the hub do not share a core's event loop, with its RSS read from
// /proc.
import { spawn, type ChildProcess } from 'node:child_process';
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
  stop(): Promise<void>;
}

export async function startHubProcess(env: Record<string, string>): Promise<HubProcess> {
  const port = await freePort();
  const profile = process.env.BENCH_HUB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HUB_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(repo, 'hub/server/cli.ts'), '--port', String(port)], {
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
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
