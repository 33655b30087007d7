// `kiosk-pack build`: validate a pack folder, then write the signed .kpack (and, if
// asked, the same pack unpacked into a directory).
import { stat } from 'node:fs/promises';
import type { Manifest, ManifestSignature } from '../../schema/manifest.ts';
import { signManifest, type SigningKey } from '../keys/manifest-signature.ts';
import type { Problem } from '../report/problem.ts';
import { validateSource, type ValidateOptions } from '../source/validate-source.ts';
import { createManifest } from './create-manifest.ts';
import { packFiles, type PackFile } from './pack-files.ts';
import { writeUnpacked } from './write-unpacked.ts';
import { writePackZip } from './write-zip.ts';

export interface BuildOptions extends ValidateOptions {
  /** Where to write the .kpack. */
  out?: string;
  /** Also (or instead) write the built pack as a directory. */
  unpackedDir?: string;
  /** Signing key; without one the pack is unsigned and must be signed with `kiosk-pack sign`. */
  key?: SigningKey;
  /** The manifest's createdAt and every zip timestamp (default: now). Fix it for reproducible builds. */
  createdAt?: Date;
  /** Hears each step as it starts and the bytes it has read so far (for a progress display). */
  onProgress?: (step: BuildStep, done: number, total: number) => void;
}

/** checking: the folder is validated; hashing: every file's SHA-256 for the manifest; writing: the zip. */
export type BuildStep = 'checking' | 'hashing' | 'writing';

/** Counts bytes for one step and passes the running total on. */
function stepCounter(options: BuildOptions, step: BuildStep, total: number): ((bytes: number) => void) | undefined {
  const report = options.onProgress;
  if (!report) return undefined;
  let done = 0;
  report(step, 0, total);
  return (bytes) => report(step, (done += bytes), total);
}

export type BuildResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; problems: Problem[]; manifest: Manifest; signature: ManifestSignature | undefined; out?: string; unpackedDir?: string };

async function sizeOf(files: readonly PackFile[]): Promise<number> {
  let total = 0;
  for (const file of files) total += 'bytes' in file ? file.bytes.length : 'file' in file ? (await stat(file.file)).size : 0;
  return total;
}

export function signatureBytes(signature: ManifestSignature): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(signature, null, 2)}\n`);
}

export async function buildPack(sourceDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  options.onProgress?.('checking', 0, 0);
  const validated = await validateSource(sourceDir, options);
  if (!validated.ok || !validated.source.meta) return { ok: false, problems: validated.problems };
  const createdAt = options.createdAt ?? new Date();
  const files = await packFiles(validated);
  const total = options.onProgress ? await sizeOf(files) : 0;
  const { manifest, bytes } = await createManifest(validated.source.meta, files, createdAt, stepCounter(options, 'hashing', total));
  const signature = options.key ? await signManifest(bytes, options.key) : undefined;
  const sigBytes = signature ? signatureBytes(signature) : undefined;
  if (options.out) {
    const onBytes = stepCounter(options, 'writing', Object.values(manifest.files).reduce((sum, f) => sum + f.size, 0));
    await writePackZip(options.out, { manifest, manifestBytes: bytes, signatureBytes: sigBytes, files, mtime: createdAt, onBytes });
  }
  if (options.unpackedDir) await writeUnpacked(options.unpackedDir, bytes, sigBytes, files);
  return { ok: true, problems: validated.problems, manifest, signature, out: options.out, unpackedDir: options.unpackedDir };
}
