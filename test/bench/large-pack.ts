// The large pack the pack benchmarks import and upload: the sample pack with `totalMb` of
// incompressible "video" (random bytes, files of 32 MB) in its attract playlist, built
// and signed with the test key.
import { randomFill } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildPack } from '../../content/lib/build/build-pack.ts';
import type { SigningKeyFile } from '../../content/lib/keys/key-files.ts';
import { writeSamplePack } from '../../content/lib/testing/sample-pack.ts';

const MB = 1024 * 1024;
export const LARGE_PACK_FILE_MB = 32;

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

/** Builds `dir`/big.kpack; its unpacked source is removed afterwards. Returns the pack, its video count and how long the build took. */
export async function buildLargePack(dir: string, totalMb: number, key: SigningKeyFile): Promise<{ kpack: string; videos: number; buildMs: number }> {
  const source = path.join(dir, 'source');
  await writeSamplePack(source);
  const videos: string[] = [];
  await mkdir(path.join(source, 'media', 'video'), { recursive: true });
  for (let i = 0; i * LARGE_PACK_FILE_MB < totalMb; i++) {
    const name = `media/video/clip-${String(i).padStart(3, '0')}.mp4`;
    await writeRandomFile(path.join(source, name), Math.min(LARGE_PACK_FILE_MB, totalMb - i * LARGE_PACK_FILE_MB) * MB);
    videos.push(name);
  }
  const playlists = [{ id: 'attract', items: [{ kind: 'image', src: 'media/slide-1.png' }, ...videos.map((src) => ({ kind: 'video', src }))] }];
  await writeFile(path.join(source, 'data/playlists.json'), JSON.stringify(playlists));
  const kpack = path.join(dir, 'big.kpack');
  const started = Date.now();
  const built = await buildPack(source, { out: kpack, key });
  if (!built.ok) throw new Error(JSON.stringify(built.problems, null, 2));
  const buildMs = Date.now() - started;
  await rm(source, { recursive: true, force: true });
  return { kpack, videos: videos.length, buildMs };
}
