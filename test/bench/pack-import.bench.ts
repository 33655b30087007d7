// Import + verify + activate of a ~1 GB pack (large incompressible media), timed and
// with its peak memory measured in a child process. Target: ≤ 30 s and ≤ 200 MB peak
// RSS — the import must stream. Informational: never fails on timing.
//
//   npx tsx test/bench/pack-import.bench.ts [sizeMB=1024]
import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publicPart } from '../../content/lib/keys/key-files.ts';
import { testKey } from '../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { buildLargePack, LARGE_PACK_FILE_MB } from './large-pack.ts';
import { printMachine, report } from './machine.ts';

const TOTAL_MB = Number(process.argv[2] ?? 1024);
const MB = 1024 * 1024;

const tmp = await makeTempDir('kiosk-bench-import-');
try {
  console.log(`pack import benchmark (${TOTAL_MB} MB of media)`);
  printMachine();
  const key = await testKey();
  const { kpack, videos, buildMs } = await buildLargePack(tmp.dir, TOTAL_MB, key);
  const publicKeyFile = path.join(tmp.dir, 'pub.json');
  await writeFile(publicKeyFile, JSON.stringify(publicPart(key)));
  const size = (await stat(kpack)).size;

  const child = fileURLToPath(new URL('./pack-import-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, kpack, path.join(tmp.dir, 'store'), publicKeyFile], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { importMs: number; activateMs: number; totalMs: number; baselineRss: number; peakRss: number; files: number };

  console.log(`pack: ${(size / MB).toFixed(0)} MB on disk, ${result.files} files (${videos} × ${LARGE_PACK_FILE_MB} MB random media)`);
  report('build (for reference)', buildMs / 1000, 's');
  report('import + verify (stage)', result.importMs / 1000, 's');
  report('activate', result.activateMs / 1000, 's');
  report('import + verify + activate', result.totalMs / 1000, 's', { max: 30 });
  report('throughput', size / MB / (result.importMs / 1000), 'MB/s');
  report('RSS before import (node + tsx)', result.baselineRss / MB, 'MB');
  report('peak RSS of the importing process', result.peakRss / MB, 'MB', { max: 200 });
} finally {
  await tmp.remove();
}
