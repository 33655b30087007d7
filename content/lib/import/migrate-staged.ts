// An older pack, unpacked and hash-checked, is rewritten in the current format inside
// staging: every JSON file a migration step touches, and a manifest that lists the new
// bytes. The manifest the merchandiser signed is kept beside it (manifest.signed.json)
// for audit, so what was verified and what the kiosk shows can both be traced.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_INDEX_FILE, DATA_FILES, MANIFEST_FILE } from '../../schema/layout.ts';
import type { Manifest } from '../../schema/manifest.ts';
import { migrateFile, type MigratedFile, type MigrationPlan } from '../../schema/migrations.ts';

export const SIGNED_MANIFEST_FILE = 'manifest.signed.json';

function migratedKind(file: string): MigratedFile | null {
  for (const [name, dataFile] of Object.entries(DATA_FILES)) if (dataFile === file) return name as MigratedFile;
  if (file === CATALOG_INDEX_FILE) return 'catalog-index';
  if (/^catalog\/shard-\d{4}\.json$/.test(file)) return 'catalog-shard';
  return null;
}

/** Rewrites the staged files through `plan`; returns the manifest that describes them. */
export async function migrateStagedPack(staging: string, plan: MigrationPlan, manifest: Manifest, signedManifestBytes: Uint8Array): Promise<Manifest> {
  if (plan.steps.length === 0) return manifest;
  const files = { ...manifest.files };
  for (const file of Object.keys(files)) {
    const kind = migratedKind(file);
    if (!kind || !plan.steps.some((step) => step.files[kind])) continue;
    const target = path.join(staging, ...file.split('/'));
    const bytes = Buffer.from(`${JSON.stringify(migrateFile(plan, kind, JSON.parse(await readFile(target, 'utf8'))))}\n`);
    await writeFile(target, bytes, { flush: true });
    files[file] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }
  const upgraded: Manifest = { ...manifest, files };
  await writeFile(path.join(staging, SIGNED_MANIFEST_FILE), signedManifestBytes, { flag: 'wx', flush: true });
  await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(upgraded, null, 2)}\n`, { flush: true });
  return upgraded;
}
