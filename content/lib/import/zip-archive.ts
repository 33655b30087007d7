// yauzl behind promises: open a zip, read its central directory entry by entry, and
// stream one entry's inflated bytes.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export type ZipArchive = yauzl.ZipFile;
export type ZipEntry = yauzl.Entry;

/** Opens without decoding names (they are checked as raw bytes) and with yauzl's own size checks on. */
export function openZip(file: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error || !zip) reject(error ?? new Error('cannot open zip'));
      else resolve(zip);
    });
  });
}

/** Reads the whole central directory (names and claimed sizes; no file data). */
export function readEntries(zip: ZipArchive): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    const cleanup = () => {
      zip.removeAllListeners('entry');
      zip.removeAllListeners('end');
      zip.removeAllListeners('error');
    };
    zip.on('entry', (entry: ZipEntry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      cleanup();
      resolve(entries);
    });
    zip.on('error', (error: Error) => {
      cleanup();
      reject(error);
    });
    zip.readEntry();
  });
}

export function openEntry(zip: ZipArchive, entry: ZipEntry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(error ?? new Error('cannot read entry'));
      else resolve(stream);
    });
  });
}

export const entryName = (entry: ZipEntry): Buffer => entry.fileName as unknown as Buffer;
