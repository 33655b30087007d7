// Writes a built pack as a plain directory (same layout as inside the zip), for the
// browser mode that serves a pack over HTTP.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import { pipeToFile } from '../files/pipe-to-file.ts';
import type { PackFile } from './pack-files.ts';

export async function writeUnpacked(dir: string, manifestBytes: Uint8Array, signatureBytes: Uint8Array | undefined, files: readonly PackFile[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, MANIFEST_FILE), manifestBytes);
  if (signatureBytes) await writeFile(path.join(dir, SIGNATURE_FILE), signatureBytes);
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    if ('bytes' in file) await writeFile(target, file.bytes);
    else if ('file' in file) await copyFile(file.file, target);
    else await pipeToFile(await file.open(), [], target);
  }
}
