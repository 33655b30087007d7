// npm run build:hand-model [-- --out-dir DIR] [-- --official]
// Writes renderer/public/generated/hand_landmarker.task and hand_landmarker_lite.task
// (gitignored), each unless it is already up to date. --official fetches Google's full
// bundle instead of building it; the lite one is always built from @mediapipe/hands.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildHandModels, DEFAULT_HAND_MODEL_DIR } from './build-hand-model.ts';

const { values } = parseArgs({
  options: {
    'out-dir': { type: 'string' },
    official: { type: 'boolean', default: false },
  },
});

try {
  const outDir = values['out-dir'] ? path.resolve(values['out-dir']) : DEFAULT_HAND_MODEL_DIR;
  for (const result of await buildHandModels(outDir, values.official ? { source: 'official' } : {})) {
    const what = result.skipped ? 'up to date' : 'built';
    console.log(`${result.variant} hand model ${what}: ${path.relative(process.cwd(), result.outFile)} (${result.size} bytes, sha256 ${result.sha256}, from ${result.source})`);
  }
} catch (err) {
  console.error(`build:hand-model failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
