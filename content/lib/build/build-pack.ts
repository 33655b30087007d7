// `kiosk-pack build`: validate a pack folder, then write the signed .kpack (and, if
// asked, the same pack unpacked into a directory).
import type { Manifest, ManifestSignature } from '../../schema/manifest.ts';
import { signManifest, type SigningKey } from '../keys/manifest-signature.ts';
import type { Problem } from '../report/problem.ts';
import { validateSource, type ValidateOptions } from '../source/validate-source.ts';
import { createManifest } from './create-manifest.ts';
import { packFiles } from './pack-files.ts';
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
}

export type BuildResult =
  | { ok: false; problems: Problem[] }
  | { ok: true; problems: Problem[]; manifest: Manifest; signature: ManifestSignature | undefined; out?: string; unpackedDir?: string };

export function signatureBytes(signature: ManifestSignature): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(signature, null, 2)}\n`);
}

export async function buildPack(sourceDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const validated = await validateSource(sourceDir, options);
  if (!validated.ok || !validated.source.meta) return { ok: false, problems: validated.problems };
  const createdAt = options.createdAt ?? new Date();
  const files = await packFiles(validated);
  const { manifest, bytes } = await createManifest(validated.source.meta, files, createdAt);
  const signature = options.key ? await signManifest(bytes, options.key) : undefined;
  const sigBytes = signature ? signatureBytes(signature) : undefined;
  if (options.out) await writePackZip(options.out, { manifest, manifestBytes: bytes, signatureBytes: sigBytes, files, mtime: createdAt });
  if (options.unpackedDir) await writeUnpacked(options.unpackedDir, bytes, sigBytes, files);
  return { ok: true, problems: validated.problems, manifest, signature, out: options.out, unpackedDir: options.unpackedDir };
}
