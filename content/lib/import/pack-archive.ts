// Reading a .kpack without importing it (for `inspect` and `sign`): the archive plan,
// the manifest and the signature, and data files on demand. Names and sizes are checked
// as strictly as in an import; the signature is read, not trusted.
import type { Readable } from 'node:stream';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import { CURRENT_SCHEMA_VERSION, Manifest, ManifestSignature } from '../../schema/manifest.ts';
import { migrateFile, planMigration } from '../../schema/migrations.ts';
import { checkClaimedSizes, planEntries, readSmallEntry, type EntryPlan } from './archive-plan.ts';
import { classifyError } from './classify-error.ts';
import { PackImportError } from './import-error.ts';
import { DEFAULT_IMPORT_LIMITS, MAX_SIGNATURE_BYTES } from './import-limits.ts';
import { openEntry, openZip, readEntries, type ZipArchive } from './zip-archive.ts';

export interface PackArchive {
  plan: EntryPlan;
  manifestBytes: Buffer;
  manifest: Manifest;
  /** undefined for an unsigned pack. */
  signature: ManifestSignature | undefined;
  readJson(name: string): Promise<unknown>;
  open(name: string): Promise<Readable>;
  close(): void;
}

export async function openPackArchive(file: string): Promise<PackArchive> {
  const limits = DEFAULT_IMPORT_LIMITS;
  let zip: ZipArchive | undefined;
  try {
    zip = await openZip(file);
    const archive = zip;
    const plan = planEntries(await readEntries(archive));
    checkClaimedSizes(plan, limits);
    const entry = (name: string) => {
      const found = plan.get(name);
      if (!found) throw new PackImportError('missing-file', { entry: name });
      return found;
    };
    if (!plan.has(MANIFEST_FILE)) throw new PackImportError('not-a-pack', { reason: 'no manifest.json' });
    const manifestBytes = await readSmallEntry(archive, entry(MANIFEST_FILE), MANIFEST_FILE, limits.maxManifestBytes, limits);
    // Shown as the current format: an older pack's manifest is carried forward first.
    const raw = JSON.parse(manifestBytes.toString('utf8')) as { schemaVersion?: unknown };
    const migration = planMigration(raw.schemaVersion, CURRENT_SCHEMA_VERSION);
    const parsed = Manifest.safeParse('error' in migration ? raw : migrateFile(migration, 'manifest', raw));
    if (!parsed.success) throw new PackImportError('schema', { count: parsed.error.issues.length, first: MANIFEST_FILE, firstEn: MANIFEST_FILE });
    let signature: ManifestSignature | undefined;
    if (plan.has(SIGNATURE_FILE)) {
      const bytes = await readSmallEntry(archive, entry(SIGNATURE_FILE), SIGNATURE_FILE, MAX_SIGNATURE_BYTES, limits);
      signature = ManifestSignature.safeParse(JSON.parse(bytes.toString('utf8'))).data;
    }
    return {
      plan,
      manifestBytes,
      manifest: parsed.data,
      signature,
      async readJson(name) {
        return JSON.parse((await readSmallEntry(archive, entry(name), name, limits.maxJsonBytes, limits)).toString('utf8'));
      },
      open: (name) => openEntry(archive, entry(name)),
      close: () => archive.close(),
    };
  } catch (error) {
    zip?.close();
    throw error instanceof SyntaxError ? new PackImportError('corrupt', { detail: error.message }) : classifyError(error);
  }
}
