// Receiving a pack: the bytes stream into the pack folder's staging area (hashed and
// counted on the way, never held in memory), then the kiosk's own import checks the file
// — hostile archives, every file's SHA-256 and size, the signature against the hub's
// trusted keys, every record — unpacking it inside staging. A good pack is moved into
// the folder's archives/ and files/ and gets its row; a refused one leaves nothing.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { MAX_PACK_UPLOAD_BYTES, type PackCheckFailure } from '../../../content/schema/hub-api/console/packs.ts';
import { CATALOG_INDEX_FILE } from '../../../content/schema/layout.ts';
import { pipeToFile } from '../../../content/lib/files/pipe-to-file.ts';
import { hashFile } from '../../../content/lib/files/hash-file.ts';
import { PackImportError } from '../../../content/lib/import/import-error.ts';
import { importPack, type ImportedPack } from '../../../content/lib/import/import-pack.ts';
import { openPackArchive } from '../../../content/lib/import/pack-archive.ts';
import type { TrustedKey } from '../../../content/schema/kiosk-config.ts';
import { audit } from '../../store/queries/audit.ts';
import { insertPack, packBySha, packByVersion, type PackRecord } from '../../store/queries/packs.ts';
import type { HubContext } from '../hub-context.ts';
import { HttpError } from '../http/http-error.ts';
import { checkFailure } from './check-report.ts';
import { archiveFile, ensurePackFolder, newStagingName, packFolder, sweepStaging, unpackedDir, type PackFolder } from './pack-folder.ts';
import { trustedPackKeys } from './trusted-keys.ts';

/** The pack was refused by the check: the answer is the report (422). */
export class PackRefused extends Error {
  constructor(readonly failure: PackCheckFailure) {
    super(`pack refused: ${failure.code}`);
  }
}

export interface KeptPack {
  pack: PackRecord;
  /** The same file was uploaded before: nothing new was kept. */
  alreadyUploaded: boolean;
}

/** The rest of the upload is not read: the connection is closed rather than drained. */
const UNREAD = { connection: 'close' };

export const tooLarge = (limit = MAX_PACK_UPLOAD_BYTES) =>
  new HttpError(413, 'too-large', `The pack is larger than the hub takes (${(limit / 1024 ** 3).toFixed(1)} GiB): make it smaller (compress videos and large pictures) and upload it again.`, UNREAD);

const diskFull = () => new HttpError(507, 'disk-full', "The hub's pack folder is full: ask an administrator to free space (delete old packs) and upload again.");

function packConflict(existing: PackRecord) {
  return new HttpError(
    409,
    'version-exists',
    `${existing.packId} version ${existing.version} is already on the hub with different content (uploaded by ${existing.uploadedBy}): give the new pack a new version in pack.json and build it again.`,
  );
}

/** An upload that sends nothing for this long is given up (the connection may be gone without a word). */
export const PACK_UPLOAD_STALL_MS = 60_000;

const stalled = (ms: number) => new HttpError(408, 'upload-stalled', `Nothing of the upload arrived for ${Math.round(ms / 1000)} s: upload the pack again.`, UNREAD);

/** Counts and hashes what passes; fails with 413 once it is over the limit, with 408 when nothing comes for `stallMs`. */
function meter(limit: number, stallMs: number) {
  const hash = createHash('sha256');
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => transform.destroy(stalled(stallMs)), stallMs);
  };
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      arm();
      bytes += chunk.length;
      if (bytes > limit) return callback(tooLarge(limit));
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      clearTimeout(timer);
      callback();
    },
    destroy(error, callback) {
      clearTimeout(timer);
      callback(error);
    },
  });
  arm();
  return { transform, result: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/**
 * The kiosk's import, run on the hub. A pack that only becomes valid later is checked as
 * of its first valid moment: merchandisers upload ahead of time, and rollouts start then.
 */
async function checkPack(file: string, stagingDir: string, trustedKeys: readonly TrustedKey[], now: Date): Promise<ImportedPack> {
  try {
    return await importPack(file, { stagingDir, trustedKeys, now });
  } catch (error) {
    if (!(error instanceof PackImportError) || error.code !== 'not-yet-valid') throw error;
    const archive = await openPackArchive(file);
    const validFrom = archive.manifest.validFrom;
    archive.close();
    if (!validFrom) throw error;
    return importPack(file, { stagingDir, trustedKeys, now: new Date(Math.max(now.getTime(), Date.parse(validFrom))) });
  }
}

async function productCount(dir: string): Promise<number> {
  try {
    const index = JSON.parse(await readFile(path.join(dir, ...CATALOG_INDEX_FILE.split('/')), 'utf8')) as { productCount?: unknown };
    return typeof index.productCount === 'number' ? index.productCount : 0;
  } catch {
    return 0;
  }
}

/** Moves a checked pack into place; false when it was there already (another upload of the same bytes). */
async function place(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EISDIR') return false;
    throw error;
  }
}

/** Checks a .kpack lying in staging and keeps it; the staged file is gone afterwards either way. */
async function checkAndKeep(hub: HubContext, folder: PackFolder, staged: { file: string; name: string; sha256: string; bytes: number }, actor: string): Promise<KeptPack> {
  const checkDir = path.join(folder.staging, staged.name);
  let placedFiles = false;
  let placedArchive = false;
  try {
    const same = await packBySha(hub.store, staged.sha256);
    if (same) return { pack: same, alreadyUploaded: true };

    let imported: ImportedPack;
    try {
      imported = await checkPack(staged.file, checkDir, await trustedPackKeys(hub, true), new Date(hub.clock.now()));
    } catch (error) {
      if (error instanceof PackImportError) {
        if (error.code === 'disk-full') throw diskFull();
        throw new PackRefused(checkFailure(error));
      }
      throw error;
    }
    const { manifest, signer } = imported;
    const taken = await packByVersion(hub.store, manifest.packId, manifest.version);
    if (taken) throw packConflict(taken);

    const record: PackRecord = {
      id: `pk_${randomBytes(9).toString('base64url')}`,
      packId: manifest.packId,
      version: manifest.version,
      sha256: staged.sha256,
      bytes: staged.bytes,
      title: { zh: manifest.title['zh-CN'], en: manifest.title.en ?? manifest.title['zh-CN'] },
      signedBy: signer.name,
      keyId: signer.keyId,
      uploadedAt: hub.clock.now(),
      uploadedBy: actor,
      productCount: await productCount(imported.dir),
      validFrom: manifest.validFrom ?? null,
      validTo: manifest.validTo ?? null,
      targets: { stores: [...manifest.targets.stores], kiosks: [...manifest.targets.kiosks] },
    };
    placedFiles = await place(imported.dir, unpackedDir(folder, staged.sha256));
    await rename(staged.file, archiveFile(folder, staged.sha256));
    placedArchive = true;
    const stored = await insertPack(hub.store, record);
    if (!stored.inserted) {
      if (stored.pack.sha256 === staged.sha256) return { pack: stored.pack, alreadyUploaded: true };
      throw packConflict(stored.pack);
    }
    placedFiles = false;
    placedArchive = false;
    await audit(hub.store, {
      at: record.uploadedAt,
      actor,
      action: 'pack.uploaded',
      target: `${record.packId}@${record.version}`,
      detail: { pack: record.id, sha256: record.sha256, bytes: record.bytes, signedBy: record.signedBy, keyId: record.keyId, products: record.productCount },
    });
    return { pack: record, alreadyUploaded: false };
  } finally {
    // Files placed for a row that did not get stored (another version won) are removed; nothing else refers to them.
    if ((placedFiles || placedArchive) && !(await packBySha(hub.store, staged.sha256))) {
      await rm(unpackedDir(folder, staged.sha256), { recursive: true, force: true });
      await rm(archiveFile(folder, staged.sha256), { force: true });
    }
    await rm(checkDir, { recursive: true, force: true });
    await rm(staged.file, { force: true });
  }
}

async function prepare(hub: HubContext): Promise<PackFolder> {
  const folder = packFolder(hub);
  await ensurePackFolder(folder);
  await sweepStaging(folder, hub.clock.now());
  return folder;
}

/**
 * An upload: the request body streamed into staging, then checked and kept. `declaredBytes`
 * (Content-Length) over the limit is refused before a byte is read.
 */
export async function receivePack(hub: HubContext, body: Readable, o: { declaredBytes: number | null; actor: string; limit?: number; stallMs?: number }): Promise<KeptPack> {
  const limit = o.limit ?? MAX_PACK_UPLOAD_BYTES;
  if (o.declaredBytes !== null && o.declaredBytes > limit) throw tooLarge(limit);
  const folder = await prepare(hub);
  const name = newStagingName();
  const file = path.join(folder.staging, `${name}.kpack`);
  const counted = meter(limit, o.stallMs ?? PACK_UPLOAD_STALL_MS);
  try {
    await pipeToFile(body, [counted.transform], file, { flags: 'wx', mode: 0o600 });
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof HttpError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw diskFull();
    throw new HttpError(400, 'upload-interrupted', 'The upload did not arrive whole (the connection was cut): upload the pack again.');
  }
  const { sha256, bytes } = counted.result();
  if (o.declaredBytes !== null && bytes !== o.declaredBytes) {
    await rm(file, { force: true });
    throw new HttpError(400, 'upload-interrupted', `The upload ended after ${bytes} of ${o.declaredBytes} bytes: upload the pack again.`);
  }
  return checkAndKeep(hub, folder, { file, name, sha256, bytes }, o.actor);
}

/**
 * Keeps a .kpack made on the hub (the pack builder) or found on its disk: copied into
 * staging, then checked and kept exactly as an upload. The file itself is left as it is.
 */
export async function keepPackFile(hub: HubContext, file: string, o: { actor: string }): Promise<KeptPack> {
  const folder = await prepare(hub);
  const name = newStagingName();
  const staged = path.join(folder.staging, `${name}.kpack`);
  try {
    await copyFile(file, staged);
  } catch (error) {
    await rm(staged, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw diskFull();
    throw error;
  }
  const { sha256, size } = await hashFile(staged);
  return checkAndKeep(hub, folder, { file: staged, name, sha256, bytes: size }, o.actor);
}
