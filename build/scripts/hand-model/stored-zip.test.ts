import { describe, expect, it } from 'vitest';
import { storedZip } from './stored-zip.ts';
import { readZip } from './testing.ts';

describe('stored zip', () => {
  const members = [
    { name: 'hand_detector.tflite', data: new Uint8Array(1001).map((_, i) => i % 251) },
    { name: 'hand_landmarks_detector.tflite', data: new Uint8Array(77).fill(7) },
  ];

  it('reads back with a standard unzip, uncompressed, byte for byte', async () => {
    const read = await readZip(storedZip(members));
    expect(read.map((m) => m.name)).toEqual(members.map((m) => m.name));
    expect(read.every((m) => m.compression === 0)).toBe(true);
    read.forEach((m, i) => expect(new Uint8Array(m.data)).toEqual(members[i]!.data));
  });

  it('starts every member on a 64-byte boundary so models can be used in place', async () => {
    const read = await readZip(storedZip(members));
    expect(read.map((m) => m.dataOffset % 64)).toEqual([0, 0]);
  });

  it('gives the same bytes for the same members (no timestamps)', () => {
    expect(storedZip(members)).toEqual(storedZip(members));
  });
});
