// The hub as it runs: its server bundled into dist/hub/cli.mjs (plain Node, no
// TypeScript loader in the process: it starts faster and uses about 90 MB less) and its
// console built into dist/hub-console when the console's sources changed since the last
// build. `npm run hub` runs this first; the server bundle takes well under a second.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const consoleIndex = path.join(repo, 'dist', 'hub-console', 'index.html');

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

// The hub, and beside it the worker that reads kiosks' uploads on other cores (the hub
// looks for upload-worker.mjs next to itself). Split into chunks, so that what the hub
// loads with `await import()` (the pack builder's sharp and exceljs) stays out of its
// memory until a route needs it; chunks are named by content, so a running hub still
// finds its own after a rebuild.
await build({
  entryPoints: { cli: path.join(repo, 'hub/server/cli.ts'), 'upload-worker': path.join(repo, 'hub/server/ingest/upload-worker.ts') },
  outdir: path.join(repo, 'dist/hub'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  target: 'node20',
  // Packages come from node_modules at run time (better-sqlite3 is native; pg, fastify as installed).
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
console.log('built dist/hub/cli.mjs and dist/hub/upload-worker.mjs');

const consoleSources = Math.max(newestIn(path.join(repo, 'hub/console')), newestIn(path.join(repo, 'content/schema/hub-api')));
if (!existsSync(consoleIndex) || statSync(consoleIndex).mtimeMs < consoleSources) {
  execFileSync(process.execPath, [path.join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'hub/console/vite.config.ts', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  console.log('built dist/hub-console');
} else {
  console.log('dist/hub-console is up to date');
}
