// Sits between an inflating zip entry and the disk: counts the bytes that actually come
// out, hashes them, and stops the stream the moment a bound is crossed.
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { formatBytes, PackImportError } from './import-error.ts';
import type { ImportLimits } from './import-limits.ts';

export interface GuardedEntry {
  name: string;
  /** Bytes of packed data the reader consumes for this entry. */
  compressedSize: number;
  /** What the zip header claims the entry unpacks to. */
  declaredSize: number;
  /** What the signed manifest says the file's size is. */
  expectedSize: number;
}

/** Shared by all entries of one import, to bound the total. */
export interface ImportTally {
  bytes: number;
}

export class EntryGuard extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly entry: GuardedEntry,
    private readonly limits: ImportLimits,
    private readonly tally: ImportTally,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.tally.bytes += chunk.length;
    const { name, compressedSize, declaredSize, expectedSize } = this.entry;
    if (this.bytes > declaredSize) {
      return callback(new PackImportError('zip-bomb', { entry: name, detail: `${formatBytes(this.bytes)}+ / header ${formatBytes(declaredSize)}` }));
    }
    if (this.bytes > this.limits.ratioFloorBytes && this.bytes > compressedSize * this.limits.maxRatio) {
      return callback(new PackImportError('zip-bomb', { entry: name, detail: `> ${this.limits.maxRatio}:1` }));
    }
    if (this.bytes > this.limits.maxEntryBytes || this.tally.bytes > this.limits.maxTotalBytes) {
      const over = this.bytes > this.limits.maxEntryBytes;
      return callback(new PackImportError('too-large', { size: `${formatBytes(over ? this.bytes : this.tally.bytes)}+`, limit: formatBytes(over ? this.limits.maxEntryBytes : this.limits.maxTotalBytes) }));
    }
    if (this.bytes > expectedSize) return callback(new PackImportError('hash-mismatch', { entry: name }));
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
