// One asset step, run by build-assets.ts in its own process: `tsx asset-step.ts <step> [out]`.
// Native image work is kept to one thread at a time (sharp's libvips threads and the
// pictures drawn in parallel): librsvg, pango and fontconfig are not safe to run from
// several threads at once, the likeliest cause of the build's one segmentation fault,
// and the demo pack is small enough that one at a time costs little. Each file is
// announced before it is made, so a crash names it.
import { writeSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { buildDemoPack } from '../../../content/demo/build-demo.ts';
import { buildHandModels, DEFAULT_HAND_MODEL_DIR } from '../hand-model/build-hand-model.ts';
import { MAKING } from './run-step.ts';

sharp.concurrency(1);
sharp.cache(false);

const announce = (file: string) => writeSync(1, `${MAKING}${file}\n`);
const [step, out] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, '..', '..', '..');

if (step === 'demo-pack') {
  const pack = await buildDemoPack(out ?? path.join(repo, 'dist', 'packs'), { onMaking: announce, drawConcurrency: 1 });
  console.log(`demo pack ${pack.rebuilt ? 'built' : 'up to date'}: ${path.relative(repo, pack.kpack)}`);
} else if (step === 'hand-model') {
  // Both bundles (full and lite) into the renderer's generated folder, or `out`.
  for (const model of await buildHandModels(out ?? DEFAULT_HAND_MODEL_DIR, { onMaking: (file) => announce(path.relative(repo, file)) })) {
    console.log(`${model.variant} hand model ${model.skipped ? 'up to date' : 'built'}: ${path.relative(repo, model.outFile)} (${model.size} bytes)`);
  }
} else {
  throw new Error(`unknown asset step ${step ?? '(none)'}: demo-pack or hand-model`);
}
