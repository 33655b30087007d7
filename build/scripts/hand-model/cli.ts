// npm run build:hand-model [-- --out FILE] [-- --official]
// Writes renderer/public/generated/hand_landmarker.task (gitignored) unless it is
// already up to date.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildHandModel, DEFAULT_HAND_MODEL_FILE } from './build-hand-model.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    official: { type: 'boolean', default: false },
  },
});

try {
  const result = await buildHandModel(values.out ? path.resolve(values.out) : DEFAULT_HAND_MODEL_FILE, values.official ? { source: 'official' } : {});
  const what = result.skipped ? 'up to date' : 'built';
  console.log(`hand model ${what}: ${path.relative(process.cwd(), result.outFile)} (${result.size} bytes, sha256 ${result.sha256}, from ${result.source})`);
} catch (err) {
  console.error(`build:hand-model failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
