// Everything the app needs besides code, made from sources in this repository and npm
// packages (nothing downloaded): the signed demo content pack and the hand model.
// Both steps skip their work when their inputs have not changed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoPack } from '../../content/demo/build-demo.ts';
import { DEFAULT_HAND_MODEL_FILE, buildHandModel } from './hand-model/build-hand-model.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const started = performance.now();
const [pack, model] = await Promise.all([buildDemoPack(path.join(repo, 'dist', 'packs')), buildHandModel(DEFAULT_HAND_MODEL_FILE)]);
console.log(`demo pack ${pack.rebuilt ? 'built' : 'up to date'}: ${path.relative(repo, pack.kpack)}`);
console.log(`hand model ${model.skipped ? 'up to date' : 'built'}: ${path.relative(repo, model.outFile)} (${model.size} bytes)`);
console.log(`assets ready in ${Math.round(performance.now() - started)} ms`);
