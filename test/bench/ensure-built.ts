// Benchmarks build what they measure: before a run, each one asks for the outputs it
// needs and gets them (re)built when they are missing or older than their sources, so
// `npm run bench:*` and `npm run soak` work on a fresh checkout. A folder named with
// KIOSK_E2E_RENDERER is taken as it is (whoever set it built it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

interface Output {
  /** The file whose age says when it was built. */
  stamp: string;
  /** Files and folders it is made from. */
  sources: string[];
  /** npm scripts that make it, in order. */
  scripts: string[];
}

const OUTPUTS = {
  /** The signed demo pack and the hand model. */
  assets: {
    stamp: 'dist/packs/.demo-inputs.sha256',
    sources: ['content/demo', 'content/lib', 'content/schema', 'build/scripts/hand-model', 'build/scripts/build-assets.ts'],
    scripts: ['build:assets'],
  },
  renderer: {
    stamp: 'dist/renderer/index.html',
    sources: ['renderer', 'games', 'content/schema', 'electron/common', 'build/licences', 'build/vite', 'package-lock.json'],
    scripts: ['build:assets', 'build:renderer'],
  },
  hub: { stamp: 'dist/hub/cli.mjs', sources: ['hub/server', 'hub/store', 'content/schema', 'build/scripts/build-hub.ts', 'package-lock.json'], scripts: ['build:hub'] },
} satisfies Record<string, Output>;

export type BuildOutput = keyof typeof OUTPUTS;

/** The newest modification time under `rel` (a file or a folder; node_modules, dist and generated files skipped). */
function newest(rel: string): number {
  const full = path.join(repo, rel);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'generated'].includes(entry.name) || entry.name.startsWith('.')) continue;
    latest = Math.max(latest, newest(path.join(rel, entry.name)));
  }
  return latest;
}

/** Why `output` must be built, or null when it is up to date. */
export function staleReason(output: BuildOutput): string | null {
  const { stamp, sources } = OUTPUTS[output];
  const stampFile = path.join(repo, stamp);
  if (!existsSync(stampFile)) return `${stamp} is missing`;
  const built = statSync(stampFile).mtimeMs;
  const changed = sources.find((s) => newest(s) > built);
  return changed ? `${changed} changed since ${stamp} was built` : null;
}

/** Builds whichever of `outputs` is missing or stale (each npm script at most once), printing why. */
export function ensureBuilt(outputs: readonly BuildOutput[], log: (line: string) => void = console.log): void {
  const scripts: string[] = [];
  for (const output of outputs) {
    if (output === 'renderer' && process.env.KIOSK_E2E_RENDERER) continue;
    const why = staleReason(output);
    if (!why) continue;
    log(`building ${output}: ${why}`);
    for (const script of OUTPUTS[output].scripts) if (!scripts.includes(script)) scripts.push(script);
  }
  for (const script of scripts) {
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: repo, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`npm run ${script} failed (${run.signal ?? `exit ${run.status}`}): the benchmark needs it`);
  }
}
