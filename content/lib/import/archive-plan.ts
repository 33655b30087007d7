// The first look at a pack archive, before anything is written: every entry name is
// safe, no links, no duplicates, claimed sizes within bounds, and (once the manifest is
// trusted) the entries are exactly the files the manifest lists.
import { pipeline } from 'node:stream/promises';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import type { Manifest } from '../../schema/manifest.ts';
import { EntryGuard } from './entry-guard.ts';
import { checkEntryName, isSymlinkEntry } from './entry-name.ts';
import { formatBytes, PackImportError } from './import-error.ts';
import type { ImportLimits } from './import-limits.ts';
import { entryName, openEntry, type ZipArchive, type ZipEntry } from './zip-archive.ts';

/** Entries by name, after the central directory passed every check. */
export type EntryPlan = Map<string, ZipEntry>;

export function planEntries(entries: readonly ZipEntry[]): EntryPlan {
  const plan: EntryPlan = new Map();
  const lowerNames = new Set<string>();
  const dirs = new Set<string>();
  for (const entry of entries) {
    const name = checkEntryName(entryName(entry));
    if (!name.ok) throw new PackImportError(name.code, { entry: name.name });
    if (isSymlinkEntry(entry.externalFileAttributes)) throw new PackImportError('symlink', { entry: name.name });
    if (name.directory) continue;
    const lower = name.name.toLowerCase();
    if (lowerNames.has(lower)) throw new PackImportError('duplicate-entry', { entry: name.name });
    lowerNames.add(lower);
    plan.set(name.name, entry);
    const parts = lower.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const lower of lowerNames) if (dirs.has(lower)) throw new PackImportError('duplicate-entry', { entry: lower });
  return plan;
}

export function checkClaimedSizes(plan: EntryPlan, limits: ImportLimits): void {
  let total = 0;
  for (const [name, entry] of plan) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
      throw new PackImportError('zip-bomb', { entry: name, detail: `${formatBytes(entry.uncompressedSize)} / ${formatBytes(entry.compressedSize)}` });
    }
    if (entry.uncompressedSize > limits.maxEntryBytes) throw new PackImportError('too-large', { size: `${name} ${formatBytes(entry.uncompressedSize)}`, limit: formatBytes(limits.maxEntryBytes) });
  }
  if (total > limits.maxTotalBytes) throw new PackImportError('too-large', { size: formatBytes(total), limit: formatBytes(limits.maxTotalBytes) });
}

export async function readSmallEntry(zip: ZipArchive, entry: ZipEntry, name: string, cap: number, limits: ImportLimits): Promise<Buffer> {
  if (entry.uncompressedSize > cap) throw new PackImportError('too-large', { size: `${name} ${formatBytes(entry.uncompressedSize)}`, limit: formatBytes(cap) });
  const guard = new EntryGuard({ name, compressedSize: entry.compressedSize, declaredSize: entry.uncompressedSize, expectedSize: cap }, limits, { bytes: 0 });
  const chunks: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => chunks.push(chunk));
  await pipeline(await openEntry(zip, entry), guard);
  return Buffer.concat(chunks);
}

export function checkListedFiles(plan: EntryPlan, manifest: Manifest): void {
  for (const [name, entry] of plan) {
    if (name === MANIFEST_FILE || name === SIGNATURE_FILE) continue;
    const listed = manifest.files[name];
    if (!listed) throw new PackImportError('unlisted-file', { entry: name });
    if (listed.size !== entry.uncompressedSize) throw new PackImportError('hash-mismatch', { entry: name });
  }
  for (const name of Object.keys(manifest.files)) if (!plan.has(name)) throw new PackImportError('missing-file', { entry: name });
}

