// For tests that run the tools as a merchandiser gets them: the esbuild bundle (plain
// Node, no TypeScript loader), built into a folder of the test's own by the same script
// `npm run build:cli` runs, and run as a child process with its exit code and output.
import { execFile, spawn } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the package (package.json, README.md, dist/) into `packageDir`; returns the kiosk-pack bundle. */
export async function buildCliPackage(packageDir: string): Promise<{ kioskPack: string; kioskCoupon: string }> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(REPO, 'build/scripts/build-cli.ts'), packageDir], { cwd: REPO, timeout: 120_000 });
  return { kioskPack: path.join(packageDir, 'dist/kiosk-pack.mjs'), kioskCoupon: path.join(packageDir, 'dist/kiosk-coupon.mjs') };
}

/**
 * The bundle, ready to run from `packageDir`: its dependencies (sharp, the font) are this
 * checkout's node_modules, as an install would provide them (package.test.ts installs the
 * real tarball). Returns the kiosk-pack bundle.
 */
export async function bundledKioskPack(packageDir: string): Promise<string> {
  const { kioskPack } = await buildCliPackage(packageDir);
  await symlink(path.join(REPO, 'node_modules'), path.join(packageDir, 'node_modules'));
  return kioskPack;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command line: `program` with `args`, in `cwd`, with `env` added to (or removed from, when undefined) the environment. */
export function runProgram(program: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
  });
}

/** The environment variables the tools read, cleared so the machine's own settings do not leak into a test. */
export const CLEAN_ENV = { KIOSK_PACK_PASSPHRASE: undefined, KIOSK_PACK_TOKEN: undefined, KIOSK_PACK_HUB: undefined } as const;
