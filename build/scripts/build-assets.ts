// Everything the app needs besides code, made from sources in this repository and npm
// packages (nothing downloaded): the signed demo content pack and the hand models (full
// and lite).
// Both steps skip their work when their inputs have not changed.
//
// Each step runs in its own Node process (assets/asset-step.ts), one after the other:
// the demo pack draws its pictures with sharp (libvips, librsvg) and a native crash
// there once killed the whole build with exit 139. Now such a crash is retried once and,
// if it happens again, the build fails saying which file it was making
// (assets/run-step.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStep } from './assets/run-step.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const started = performance.now();
const stepScript = path.join(repo, 'build', 'scripts', 'assets', 'asset-step.ts');
const tsx = ['--import', 'tsx'];
try {
  await runStep({ name: 'the demo pack', command: process.execPath, args: [...tsx, stepScript, 'demo-pack', path.join(repo, 'dist', 'packs')] });
  await runStep({ name: 'the hand models', command: process.execPath, args: [...tsx, stepScript, 'hand-model'] });
} catch (err) {
  console.error(`build:assets: ${(err as Error).message}`);
  process.exit(1);
}
console.log(`assets ready in ${Math.round(performance.now() - started)} ms`);
