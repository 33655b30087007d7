// Bundles Electron main and the sandboxed preload into dist/ (CommonJS, electron
// external) and copies the local fallback screen beside main.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { shapeOf } from '../../electron/common/host-contract.ts';
import { HOST_API } from '../../electron/common/kiosk-api.ts';
import { NOTICES_FILE, NoticeCollector, renderNotices } from '../licences/third-party-notices.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = path.join(repo, 'dist');

const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked' as const,
  logLevel: 'warning' as const,
  // No legal comments in the bundles: THIRD_PARTY_NOTICES.txt carries the licences.
  legalComments: 'none' as const,
  metafile: true,
};

const bundles = await Promise.all([
  build({ ...common, entryPoints: [path.join(repo, 'electron/main/main.ts')], outfile: path.join(dist, 'main/main.cjs') }),
  // A sandboxed preload can require only 'electron'; everything else is bundled in. It
  // gets the host API's shape (calls and events, no schemas) from the declaration.
  build({
    ...common,
    entryPoints: [path.join(repo, 'electron/preload/preload.ts')],
    outfile: path.join(dist, 'preload/preload.cjs'),
    define: { HOST_API_SHAPE: JSON.stringify(shapeOf(HOST_API)) },
  }),
]);
await mkdir(path.join(dist, 'main'), { recursive: true });
await copyFile(path.join(repo, 'electron/main/fallback.html'), path.join(dist, 'main/fallback.html'));
const notices = new NoticeCollector();
// esbuild names its inputs relative to the working folder.
for (const { metafile } of bundles) notices.addFiles(Object.keys(metafile?.inputs ?? {}).map((input) => path.resolve(input)));
await writeFile(path.join(dist, 'main', NOTICES_FILE), renderNotices('Shopfront Kiosk (main process and preload)', notices.notices()));
console.log(`built dist/main/main.cjs and dist/preload/preload.cjs (+ dist/main/${NOTICES_FILE})`);
