// Import + verify + activate of a ~1 GB pack (large incompressible media), timed and
// with its peak memory measured in a child process. Target: ≤ 30 s and ≤ 200 MB peak
// RSS — the import must stream. Informational: never fails on timing.
//
//   npx tsx test/bench/pack-import.bench.ts [sizeMB=1024]
import { execFile } from 'node:child_process';
import { randomFill } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildPack } from '../../content/lib/build/build-pack.ts';
import { publicPart } from '../../content/lib/keys/key-files.ts';
import { testKey, writeSamplePack } from '../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { describeMachine, report } from './pack-bench-support.ts';

const TOTAL_MB = Number(process.argv[2] ?? 1024);
const FILE_MB = 32;
const MB = 1024 * 1024;

async function writeRandomFile(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  const chunk = Buffer.alloc(4 * MB);
  for (let left = bytes; left > 0; left -= chunk.length) {
    await promisify(randomFill)(chunk);
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const tmp = await makeTempDir('kiosk-bench-import-');
try {
  console.log(`pack import benchmark (${TOTAL_MB} MB of media)\n${describeMachine()}\n`);
  const source = path.join(tmp.dir, 'source');
  await writeSamplePack(source);
  const videos: string[] = [];
  await mkdir(path.join(source, 'media', 'video'), { recursive: true });
  for (let i = 0; i * FILE_MB < TOTAL_MB; i++) {
    const name = `media/video/clip-${String(i).padStart(3, '0')}.mp4`;
    await writeRandomFile(path.join(source, name), Math.min(FILE_MB, TOTAL_MB - i * FILE_MB) * MB);
    videos.push(name);
  }
  const playlists = [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide-1.png' }, ...videos.map((src) => ({ kind: 'video', src }))] }];
  await writeFile(path.join(source, 'data/playlists.json'), JSON.stringify(playlists));

  const key = await testKey();
  const kpack = path.join(tmp.dir, 'big.kpack');
  const buildStarted = Date.now();
  const built = await buildPack(source, { out: kpack, key });
  if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
  const buildMs = Date.now() - buildStarted;
  const publicKeyFile = path.join(tmp.dir, 'pub.json');
  await writeFile(publicKeyFile, JSON.stringify(publicPart(key)));
  const size = (await stat(kpack)).size;

  const child = fileURLToPath(new URL('./pack-import-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, kpack, path.join(tmp.dir, 'store'), publicKeyFile], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { importMs: number; activateMs: number; totalMs: number; baselineRss: number; peakRss: number; files: number };

  console.log(`pack: ${(size / MB).toFixed(0)} MB on disk, ${result.files} files (${videos.length} × ${FILE_MB} MB random media)`);
  console.log(report('build (for reference)', buildMs / 1000, 's'));
  console.log(report('import + verify (stage)', result.importMs / 1000, 's'));
  console.log(report('activate', result.activateMs / 1000, 's'));
  console.log(report('import + verify + activate', result.totalMs / 1000, 's', 30));
  console.log(report('throughput', size / MB / (result.importMs / 1000), 'MB/s'));
  console.log(report('RSS before import (node + tsx)', result.baselineRss / MB, 'MB'));
  console.log(report('peak RSS of the importing process', result.peakRss / MB, 'MB', 200));
} finally {
  await tmp.remove();
}
