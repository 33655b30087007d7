// `kiosk-pack sign`: (re)signs a built pack. The manifest is kept byte for byte; every
// file is checked against it while the new zip is written, so a pack that was changed
// after it was built is never signed.
import type { Manifest, ManifestSignature } from '../../schema/manifest.ts';
import { checkListedFiles } from '../import/archive-plan.ts';
import { openPackArchive } from '../import/pack-archive.ts';
import { signManifest, type SigningKey } from '../keys/manifest-signature.ts';
import { signatureBytes } from './build-pack.ts';
import { writePackZip } from './write-zip.ts';

/** `onBytes` hears each piece of a file as it is copied into the signed zip (for progress). */
export async function signPackFile(input: string, key: SigningKey, output = input, onBytes?: (bytes: number, total: number) => void): Promise<{ manifest: Manifest; signature: ManifestSignature }> {
  const archive = await openPackArchive(input);
  try {
    const { manifest, manifestBytes, plan } = archive;
    checkListedFiles(plan, manifest);
    const signature = await signManifest(manifestBytes, key);
    const files = Object.keys(manifest.files)
      .sort()
      .map((path) => ({ path, open: () => archive.open(path) }));
    const total = Object.values(manifest.files).reduce((sum, f) => sum + f.size, 0);
    await writePackZip(output, { manifest, manifestBytes, signatureBytes: signatureBytes(signature), files, mtime: new Date(manifest.createdAt), onBytes: onBytes && ((bytes) => onBytes(bytes, total)) });
    return { manifest, signature };
  } finally {
    archive.close();
  }
}
