// The merchandiser's tools as a package that runs without this checkout: kiosk-pack and
// kiosk-coupon bundled with esbuild into content/cli/package/dist (plain Node, no
// TypeScript loader at run time). What cannot be bundled stays a dependency in the
// package's own package.json: sharp (native) and the Noto Sans SC font files the
// starter pack's pictures are drawn with. `npm run pack:cli` then makes the .tgz.
//
//   tsx build/scripts/build-cli.ts [package-folder]
//   tsx build/scripts/build-cli.ts --pack          (npm run pack:cli)
//
// Without a folder it fills content/cli/package/dist; with one (tests use a temporary
// folder) it writes a whole package there: package.json, README.md and dist/. --pack
// then makes dist/shopfront-kiosk-pack-<version>.tgz with npm pack.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_PACKAGE_DIR = path.join(repo, 'content/cli/package');
const manifest = JSON.parse(readFileSync(path.join(CLI_PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

/** Bundles both tools into `packageDir`/dist (with the package's own files when it is another folder); returns the bundles. */
export async function buildCli(packageDir = CLI_PACKAGE_DIR): Promise<string[]> {
  const dist = path.join(packageDir, 'dist');
  await rm(dist, { recursive: true, force: true });
  if (path.resolve(packageDir) !== CLI_PACKAGE_DIR) {
    await mkdir(packageDir, { recursive: true });
    for (const file of ['package.json', 'README.md']) await copyFile(path.join(CLI_PACKAGE_DIR, file), path.join(packageDir, file));
  }
  const entries = { 'kiosk-pack': 'content/cli/main.ts', 'kiosk-coupon': 'content/cli/kiosk-coupon.ts' };
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(repo, file)])),
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(manifest.dependencies),
    define: { KIOSK_PACK_VERSION: JSON.stringify(manifest.version) },
    // CommonJS packages inside the bundle (yazl, yauzl…) call require() for Node's own modules.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return Object.keys(entries).map((name) => path.join(dist, `${name}.mjs`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  const packageDir = folder ? path.resolve(folder) : CLI_PACKAGE_DIR;
  for (const file of await buildCli(packageDir)) console.log(`built ${file}`);
  if (args.includes('--pack')) {
    const destination = path.join(repo, 'dist');
    await mkdir(destination, { recursive: true });
    const name = execFileSync('npm', ['pack', packageDir, '--pack-destination', destination, '--ignore-scripts', '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1);
    console.log(`packed ${path.relative(repo, path.join(destination, name ?? ''))}`);
  }
}
