// manifest.json: the pack's identity and schedule from pack.json plus the SHA-256 and
// size of every other file.
import { CURRENT_SCHEMA_VERSION, Manifest } from '../../schema/manifest.ts';
import { hashFile, sha256Bytes, type FileDigest } from '../files/hash-file.ts';
import type { PackMeta } from '../source/source-layout.ts';
import type { PackFile } from './pack-files.ts';

export async function digestOf(file: PackFile, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  if ('bytes' in file) {
    onBytes?.(file.bytes.length);
    return { sha256: sha256Bytes(file.bytes), size: file.bytes.length };
  }
  if ('file' in file) return hashFile(file.file, onBytes);
  throw new Error(`${file.path}: a streamed file must already be listed in the manifest`);
}

export async function createManifest(meta: PackMeta, files: readonly PackFile[], createdAt: Date, onBytes?: (bytes: number) => void): Promise<{ manifest: Manifest; bytes: Uint8Array }> {
  const entries: Record<string, FileDigest> = {};
  for (const file of files) entries[file.path] = await digestOf(file, onBytes);
  const manifest = Manifest.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, ...meta, createdAt: createdAt.toISOString(), files: entries });
  return { manifest, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
}
