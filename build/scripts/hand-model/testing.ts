// For the hand-model tests: the members of a .task (a stored zip), read with yauzl,
// and where the reference bundle of the shared test data lives.
import yauzl from 'yauzl';
import { findTestdata, missingTestdata } from '../../../test/support/testdata.ts';

const REFERENCE = 'mediapipe/models/hand_landmarker.task';
/** The reference hand_landmarker.task of the shared test data, or null where this checkout has none. */
export const REFERENCE_TASK = findTestdata(REFERENCE);
/** Why a test that compares with the reference skips (null: it runs). */
export const NO_REFERENCE_TASK = missingTestdata([REFERENCE]);

export interface ReadMember {
  name: string;
  compression: number;
  /** Offset of the member's data in the zip. */
  dataOffset: number;
  data: Buffer;
}

export function readZip(bytes: Uint8Array): Promise<ReadMember[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const members: ReadMember[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(members));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            const nameLength = view.readUInt16LE(entry.relativeOffsetOfLocalHeader + 26);
            const extraLength = view.readUInt16LE(entry.relativeOffsetOfLocalHeader + 28);
            members.push({ name: entry.fileName, compression: entry.compressionMethod, dataOffset: entry.relativeOffsetOfLocalHeader + 30 + nameLength + extraLength, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
