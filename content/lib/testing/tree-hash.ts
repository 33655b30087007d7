// A fingerprint of a directory tree (names, sizes, contents), to prove it did not change.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../files/list-files.ts';

export async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const { files, skipped } = await listFiles(dir);
  for (const file of files) hash.update(`${file}\0`).update(await readFile(path.join(dir, file))).update('\0');
  for (const other of skipped) hash.update(`link:${other}\0`);
  return hash.digest('hex');
}

/** Every path under `dir`, for "nothing was written outside" checks. */
export async function treeListing(dir: string): Promise<string[]> {
  const { files, skipped } = await listFiles(dir);
  return [...files, ...skipped];
}
