// Writes a small unpacked pack for tests and benchmarks, laid out as the pack builder
// lays one out (content/schema/layout.ts), with a manifest listing every file.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCatalog, catalogFiles } from '../../content/lib/catalog/build-catalog.ts';
import { MANIFEST_FILE } from '../../content/schema/layout.ts';
import { CURRENT_SCHEMA_VERSION, Manifest } from '../../content/schema/manifest.ts';
import type { Product } from '../../content/schema/product.ts';

export interface UnpackedPackSpec {
  packId: string;
  title: { 'zh-CN': string; en?: string };
  /** data/*.json and media files, by pack path. */
  files: Map<string, Buffer>;
  /** The catalog is built from these (none = an empty catalog). */
  products?: Product[];
  schedule?: { default: { playlist: string; games: string[] } };
}

export async function writeUnpackedPack(dir: string, spec: UnpackedPackSpec): Promise<void> {
  const files = new Map(spec.files);
  for (const [file, text] of catalogFiles(buildCatalog(spec.products ?? []))) files.set(file, Buffer.from(text));
  const listed: Record<string, { sha256: string; size: number }> = {};
  for (const [file, bytes] of files) listed[file] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  const manifest = Manifest.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    packId: spec.packId,
    version: '1.0.0',
    title: spec.title,
    createdAt: '2026-01-01T00:00:00.000Z',
    schedule: spec.schedule ?? { default: { playlist: 'attract', games: [] } },
    files: listed,
  });
  files.set(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const [file, bytes] of files) {
    const target = path.join(dir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}
