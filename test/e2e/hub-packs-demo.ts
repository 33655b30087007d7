// The demo pack with one product's price changed and a new version: the built demo.kpack
// opened, the price changed in its catalogue, the manifest's hashes brought up to date
// and signed again with the demo key — what a merchandiser's next pack would be.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { signatureBytes } from '../../content/lib/build/build-pack.ts';
import { sha256Bytes } from '../../content/lib/files/hash-file.ts';
import { readSigningKey } from '../../content/lib/keys/key-files.ts';
import { signManifest } from '../../content/lib/keys/manifest-signature.ts';
import { deflatedEntry, rawZip, storedEntry } from '../../content/lib/testing/raw-zip.ts';
import { unzipAll } from '../../content/lib/testing/sample-pack.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../content/schema/layout.ts';
import { repo } from './fixtures.ts';

const DEMO_KEY = path.join(repo, 'content', 'demo', 'keys', 'demo-signing-key.DEMO-ONLY.json');

export async function repackDemo(demoKpack: string, out: string, change: { gtin: string; price: number; version: string }): Promise<string> {
  const files = await unzipAll(demoKpack);
  const manifest = JSON.parse(files.get(MANIFEST_FILE)!.toString('utf8')) as { version: string; files: Record<string, { sha256: string; size: number }> };
  let found = false;
  for (const [name, bytes] of files) {
    if (!/^catalog\/shard-\d+\.json$/.test(name)) continue;
    const shard = JSON.parse(bytes.toString('utf8')) as { products: Record<string, { price: number }> };
    const product = shard.products[change.gtin];
    if (!product) continue;
    product.price = change.price;
    const next = Buffer.from(JSON.stringify(shard));
    files.set(name, next);
    manifest.files[name] = { sha256: sha256Bytes(next), size: next.length };
    found = true;
  }
  if (!found) throw new Error(`the demo pack has no product ${change.gtin}`);
  manifest.version = change.version;
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const signature = await signManifest(manifestBytes, await readSigningKey(DEMO_KEY));
  const entries = [...files].map(([name, bytes]) =>
    name === MANIFEST_FILE ? deflatedEntry(name, manifestBytes) : name === SIGNATURE_FILE ? storedEntry(name, Buffer.from(signatureBytes(signature))) : deflatedEntry(name, bytes),
  );
  await writeFile(out, rawZip(entries));
  return out;
}
