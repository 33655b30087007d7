import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHandModel } from './build-hand-model.ts';
import { packedFileTable } from './hand-model-sources.ts';
import { readImageInput } from './model-metadata.ts';
import { NO_REFERENCE_TASK, readZip, REFERENCE_TASK } from './testing.ts';
import { METADATA_NAME, readModelMetadata } from './tflite-model.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'hand-model-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('buildHandModel', () => {
  const out = path.join(dir, 'generated', 'hand_landmarker.task');

  it('bundles both models under the names HandLandmarker reads, each with its normalisation metadata', async () => {
    const result = await buildHandModel(out, { source: 'npm', stampDir: dir });
    expect(result.skipped).toBe(false);
    const bytes = await readFile(out);
    expect(result.sha256).toBe(sha256(bytes));
    const members = await readZip(bytes);
    expect(members.map((m) => m.name)).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    for (const m of members) {
      expect(m.compression).toBe(0);
      const metadata = readModelMetadata(m.data).get(METADATA_NAME)!;
      expect(readImageInput(metadata)).toMatchObject({ colorSpace: 1, mean: [0], std: [255] });
    }
  });

  it('has the reference bundle’s layout: same members, same metadata, sizes within a few hundred bytes', async (ctx) => {
    if (!REFERENCE_TASK) return ctx.skip(NO_REFERENCE_TASK!);
    const [ours, theirs] = await Promise.all([readFile(out).then(readZip), readFile(REFERENCE_TASK).then(readZip)]);
    expect(ours.map((m) => m.name)).toEqual(theirs.map((m) => m.name));
    ours.forEach((m, i) => {
      const ref = theirs[i]!;
      expect(Buffer.from(readModelMetadata(m.data).get(METADATA_NAME)!).equals(Buffer.from(readModelMetadata(ref.data).get(METADATA_NAME)!))).toBe(true);
      expect(Math.abs(m.data.length - ref.data.length)).toBeLessThan(512);
    });
  });

  it('does no work when the output is up to date, and rebuilds one that was tampered with', async () => {
    const before = await stat(out);
    const again = await buildHandModel(out, { source: 'npm', stampDir: dir });
    expect(again.skipped).toBe(true);
    expect((await stat(out)).mtimeMs).toBe(before.mtimeMs);
    await writeFile(out, 'truncated');
    const rebuilt = await buildHandModel(out, { source: 'npm', stampDir: dir });
    expect(rebuilt.skipped).toBe(false);
    expect(sha256(await readFile(out))).toBe(again.sha256);
  });

  it('the official download is kept only when its SHA-256 matches the pin', async () => {
    const official = path.join(dir, 'official.task');
    const body = new TextEncoder().encode('pretend this is Google’s bundle');
    const fetchImpl = (async () => new Response(body)) as unknown as typeof fetch;
    const pin = { url: 'https://example.invalid/hand_landmarker.task', sha256: sha256(body) };
    await expect(buildHandModel(official, { source: 'official', pin: { ...pin, sha256: '0'.repeat(64) }, fetchImpl, stampDir: dir })).rejects.toThrow(/refusing/);
    await expect(stat(official)).rejects.toThrow();
    const ok = await buildHandModel(official, { source: 'official', pin, fetchImpl, stampDir: dir });
    expect(ok.sha256).toBe(pin.sha256);
    expect(await readFile(official, 'utf8')).toBe('pretend this is Google’s bundle');
  });

  it('says what to do when the download fails (no internet)', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(buildHandModel(path.join(dir, 'x.task'), { source: 'official', fetchImpl, stampDir: dir })).rejects.toThrow(/unset KIOSK_HAND_MODEL_SOURCE/);
  });
});

describe('the packed-assets file table', () => {
  it('lists each file with its byte range', () => {
    const table = packedFileTable('loadPackage({"files": [{"filename": "/a.txt", "start": 0, "end": 11}, {"filename": "/b.tflite", "start": 11, "end": 99}], "remote_package_size": 99});');
    expect(table).toEqual([
      { filename: '/a.txt', start: 0, end: 11 },
      { filename: '/b.tflite', start: 11, end: 99 },
    ]);
  });

  it('explains an unexpected loader', () => {
    expect(() => packedFileTable('console.log("hello")')).toThrow(/no "files" table/);
  });
});
