import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EntryGuard } from './entry-guard.ts';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.ts';

const sink = () => new Writable({ write: (_chunk, _enc, done) => done() });
const chunks = (count: number, size = 1 << 20) => Readable.from(Array.from({ length: count }, () => Buffer.alloc(size)));

describe('the byte-counting guard on each unpacked file', () => {
  it('stops as soon as more bytes come out than the header claimed', async () => {
    const guard = new EntryGuard({ name: 'media/a.bin', compressedSize: 1 << 30, declaredSize: 1000, expectedSize: 1000 }, DEFAULT_IMPORT_LIMITS, { bytes: 0 });
    await expect(pipeline(chunks(1000), guard, sink())).rejects.toMatchObject({ code: 'zip-bomb' });
    expect(guard.bytes).toBe(1 << 20);
  });

  it('stops on the actual ratio, whatever the header says', async () => {
    const guard = new EntryGuard({ name: 'media/a.bin', compressedSize: 10_000, declaredSize: 1 << 30, expectedSize: 1 << 30 }, DEFAULT_IMPORT_LIMITS, { bytes: 0 });
    await expect(pipeline(chunks(1000), guard, sink())).rejects.toMatchObject({ code: 'zip-bomb' });
    expect(guard.bytes).toBeLessThanOrEqual(2 << 20);
  });

  it('bounds the total of all files of one import', async () => {
    const tally = { bytes: 0 };
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxTotalBytes: 3 << 20 };
    const guard = () => new EntryGuard({ name: 'x', compressedSize: 2 << 20, declaredSize: 2 << 20, expectedSize: 2 << 20 }, limits, tally);
    await pipeline(chunks(2), guard(), sink());
    await expect(pipeline(chunks(2), guard(), sink())).rejects.toMatchObject({ code: 'too-large' });
  });

  it('hashes what passes through', async () => {
    const guard = new EntryGuard({ name: 'x', compressedSize: 3, declaredSize: 3, expectedSize: 3 }, DEFAULT_IMPORT_LIMITS, { bytes: 0 });
    await pipeline(Readable.from([Buffer.from('abc')]), guard, sink());
    expect(guard.digest()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
