// Writes a pack zip with yazl, streaming: manifest.json, manifest.sig, then every file in
// path order with a fixed timestamp, so the same inputs give the same bytes. Files from
// disk are hashed again as they are zipped; a file that changed since the manifest was
// made (or a re-signed entry that does not match its manifest) fails the build instead
// of producing a pack every kiosk would refuse.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import yazl from 'yazl';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../schema/layout.ts';
import type { Manifest } from '../../schema/manifest.ts';
import { pipeToFile } from '../files/pipe-to-file.ts';
import { isCompressedMedia } from '../media/media-types.ts';
import type { PackFile } from './pack-files.ts';

export interface ZipInput {
  manifest: Manifest;
  manifestBytes: Uint8Array;
  /** manifest.sig's bytes; omitted for an unsigned pack (to be signed later). */
  signatureBytes?: Uint8Array;
  files: readonly PackFile[];
  mtime: Date;
  /** Hears the length of every piece of a file as it goes into the zip (for progress). */
  onBytes?: (bytes: number) => void;
}

function hashingStream(onDone: (sha256: string, size: number) => void, onBytes?: (bytes: number) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      onBytes?.(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      onDone(hash.digest('hex'), size);
      callback();
    },
  });
}

/** Writes `out` atomically (temporary file, then rename). */
export async function writePackZip(out: string, input: ZipInput): Promise<void> {
  const zip = new yazl.ZipFile();
  const onBytes = input.onBytes;
  const options = (path: string) => ({ mtime: input.mtime, mode: 0o100644, compress: !isCompressedMedia(path) });
  const changed: string[] = [];
  // yazl does not watch its input streams for errors: fail the whole output instead of hanging.
  const output = zip.outputStream as unknown as Transform;
  const fail = (error: Error) => output.destroy(error);
  zip.on('error', fail);
  zip.addBuffer(Buffer.from(input.manifestBytes), MANIFEST_FILE, options(MANIFEST_FILE));
  if (input.signatureBytes) zip.addBuffer(Buffer.from(input.signatureBytes), SIGNATURE_FILE, options(SIGNATURE_FILE));
  for (const file of input.files) {
    if ('bytes' in file) {
      zip.addBuffer(Buffer.from(file.bytes), file.path, options(file.path));
      onBytes?.(file.bytes.length);
      continue;
    }
    const expected = input.manifest.files[file.path];
    const open = 'file' in file ? async () => createReadStream(file.file, { highWaterMark: 1 << 20 }) : file.open;
    zip.addReadStreamLazy(file.path, options(file.path), (callback) => {
      const check = hashingStream((sha256, size) => {
        if (sha256 !== expected?.sha256 || size !== expected.size) changed.push(file.path);
      }, onBytes);
      open().then(
        (source) => {
          source.on('error', fail);
          check.on('error', fail);
          callback(null, source.pipe(check));
        },
        fail,
      );
    });
  }
  zip.end();
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await pipeToFile(zip.outputStream, [], temp);
    if (changed.length) throw new Error(`these files changed while the pack was being built; build again: ${changed.join(', ')}`);
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
