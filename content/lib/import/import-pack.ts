// The kiosk's side of a content pack: unpack a .kpack into a fresh staging directory,
// checking everything on the way. Nothing is written outside that directory, and on
// any failure it is removed and a PackImportError says why.
//
// Order: central directory (names, links, counts, claimed sizes) → manifest.sig and
// manifest.json (signature first, then schema, validity, targets) → every file streamed
// through a byte-counting, hashing guard → every record checked.
import { mkdir, open, readdir, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { TrustedKey } from '../../schema/kiosk-config.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import type { Manifest } from '../../schema/manifest.ts';
import type { SchemaMigration } from '../../schema/migrations.ts';
import { fsyncDir } from '../files/durable-write.ts';
import { pipeToFile } from '../files/pipe-to-file.ts';
import { formatBytes, PackImportError } from './import-error.ts';
import { checkStagedContent } from './check-staged-content.ts';
import { classifyError } from './classify-error.ts';
import { checkClaimedSizes, checkListedFiles, planEntries, readSmallEntry, type EntryPlan } from './archive-plan.ts';
import { EntryGuard, type ImportTally } from './entry-guard.ts';
import { DEFAULT_IMPORT_LIMITS, MAX_SIGNATURE_BYTES, type ImportLimits } from './import-limits.ts';
import { checkTargets, checkValidity, type KioskIdentity } from './pack-policy.ts';
import { migrateStagedPack } from './migrate-staged.ts';
import { verifyManifest } from './verify-manifest.ts';
import { openEntry, openZip, readEntries, type ZipArchive } from './zip-archive.ts';

export interface ImportOptions {
  /** A directory that does not exist yet (or is empty), in an existing parent; the pack is unpacked into it. */
  stagingDir: string;
  trustedKeys: readonly TrustedKey[];
  limits?: Partial<ImportLimits>;
  /** Check the pack's targets against this kiosk; omitted = any store and kiosk (tools). */
  kiosk?: KioskIdentity;
  now?: Date;
  /** Forward migrations of the pack format (the published ones unless a test says otherwise). */
  migrations?: readonly SchemaMigration[];
  /** Hears the bytes unpacked and checked so far, of `total` (for a progress display). */
  onProgress?: (done: number, total: number) => void;
}

/** A pass-through that counts bytes for a progress display. */
function progressCounter(total: number, report: (done: number, total: number) => void): { stream: () => Transform } {
  let done = 0;
  const count = (chunk: Buffer, _encoding: BufferEncoding, callback: (error: null, chunk: Buffer) => void) => {
    done += chunk.length;
    report(done, total);
    callback(null, chunk);
  };
  return { stream: () => new Transform({ transform: count }) };
}

export interface ImportedPack {
  dir: string;
  manifest: Manifest;
  /** The trusted key that signed the pack. */
  signer: TrustedKey;
}

/** A zip starts with a local file header (or, when empty, the end record). */
async function startsLikeZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && (buffer.readUInt32LE(0) === 0x04034b50 || buffer.readUInt32LE(0) === 0x06054b50);
  } finally {
    await handle.close();
  }
}

async function checkDiskSpace(dir: string, need: number): Promise<void> {
  const fs = await statfs(dir).catch(() => null);
  if (!fs) return;
  const free = fs.bavail * fs.bsize;
  if (free < need + 20_000_000) throw new PackImportError('disk-full', { need: formatBytes(need), free: formatBytes(free) });
}

/**
 * Creates the staging directory (its parent must exist: nothing is created outside it).
 * One that already holds something is not ours to fill or delete.
 */
async function createStaging(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || (await readdir(dir)).length > 0) {
      throw new Error(`staging directory must be new or empty: ${dir}`, { cause: error });
    }
  }
}

async function extract(zip: ZipArchive, plan: EntryPlan, manifest: Manifest, staging: string, limits: ImportLimits, onProgress?: ImportOptions['onProgress']): Promise<Set<string>> {
  const tally: ImportTally = { bytes: 0 };
  const progress = onProgress && progressCounter(Object.values(manifest.files).reduce((sum, f) => sum + f.size, 0), onProgress);
  const dirs = new Set<string>([staging]);
  for (const [name, entry] of plan) {
    const expected = manifest.files[name];
    if (!expected) continue; // manifest.json and manifest.sig, written already
    const target = path.join(staging, ...name.split('/'));
    if (!target.startsWith(staging + path.sep)) throw new PackImportError('zip-slip', { entry: name });
    const dir = path.dirname(target);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      for (let d = dir; d.startsWith(staging + path.sep); d = path.dirname(d)) dirs.add(d);
    }
    const guard = new EntryGuard({ name, compressedSize: entry.compressedSize, declaredSize: entry.uncompressedSize, expectedSize: expected.size }, limits, tally);
    try {
      await pipeToFile(await openEntry(zip, entry), progress ? [guard, progress.stream()] : [guard], target, { flags: 'wx' });
    } catch (error) {
      throw classifyError(error, name);
    }
    if (guard.bytes !== expected.size || guard.digest() !== expected.sha256) throw new PackImportError('hash-mismatch', { entry: name });
  }
  return dirs;
}

export async function importPack(zipPath: string, options: ImportOptions): Promise<ImportedPack> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const staging = path.resolve(options.stagingDir);
  const now = options.now ?? new Date();
  let zip: ZipArchive | undefined;
  let ownsStaging = false;
  try {
    const size = (await stat(zipPath)).size;
    if (size > limits.maxArchiveBytes) throw new PackImportError('too-large', { size: formatBytes(size), limit: formatBytes(limits.maxArchiveBytes) });
    if (!(await startsLikeZip(zipPath))) throw new PackImportError('not-a-pack');
    zip = await openZip(zipPath);
    if (zip.entryCount > limits.maxEntries) throw new PackImportError('too-many-files', { count: zip.entryCount, limit: limits.maxEntries });
    const plan = planEntries(await readEntries(zip));
    checkClaimedSizes(plan, limits);

    const manifestEntry = plan.get(MANIFEST_FILE);
    const signatureEntry = plan.get(SIGNATURE_FILE);
    if (!manifestEntry) throw new PackImportError('not-a-pack', { reason: 'no manifest.json' });
    if (!signatureEntry) throw new PackImportError('bad-signature');
    const manifestBytes = await readSmallEntry(zip, manifestEntry, MANIFEST_FILE, limits.maxManifestBytes, limits);
    const signatureBytes = await readSmallEntry(zip, signatureEntry, SIGNATURE_FILE, MAX_SIGNATURE_BYTES, limits);
    const { manifest: signedManifest, signer, migration } = await verifyManifest(manifestBytes, signatureBytes, options.trustedKeys, options.migrations);
    let manifest = signedManifest;
    checkValidity(manifest, now);
    if (options.kiosk) checkTargets(manifest, options.kiosk);
    checkListedFiles(plan, manifest);
    await checkDiskSpace(path.dirname(staging), Object.values(manifest.files).reduce((sum, f) => sum + f.size, 0));

    await createStaging(staging);
    ownsStaging = true;
    await writeFile(path.join(staging, MANIFEST_FILE), manifestBytes, { flag: 'wx', flush: true });
    await writeFile(path.join(staging, SIGNATURE_FILE), signatureBytes, { flag: 'wx', flush: true });
    const dirs = await extract(zip, plan, manifest, staging, limits, options.onProgress);
    // Verified as signed; now carried forward to the current format, if it is older.
    manifest = await migrateStagedPack(staging, migration, manifest, manifestBytes);
    const problems = await checkStagedContent(staging, manifest, limits, now);
    if (problems.hasErrors) {
      const [first] = problems.errors;
      const where = first ? `${first.file}${first.id ? ` (${first.id})` : ''}${first.field ? ` ${first.field}` : ''}: ` : '';
      throw new PackImportError('schema', { count: problems.errors.length, first: where + (first?.message['zh-CN'] ?? ''), firstEn: where + (first?.message.en ?? '') }, { problems: problems.errors });
    }
    for (const dir of [...dirs].sort().reverse()) await fsyncDir(dir);
    return { dir: staging, manifest, signer };
  } catch (error) {
    if (ownsStaging) await rm(staging, { recursive: true, force: true });
    throw classifyError(error);
  } finally {
    zip?.close();
  }
}

