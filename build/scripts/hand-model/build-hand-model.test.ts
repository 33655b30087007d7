import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHandModel, buildHandModelBytes, buildHandModels } from './build-hand-model.ts';
import { packedFileTable, readHandModelSources } from './hand-model-sources.ts';
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

describe('buildHandModels: the full and the lite bundle', () => {
  const outDir = path.join(dir, 'both');
  const lite = path.join(outDir, 'hand_landmarker_lite.task');
  const indexOf = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).indexOf(Buffer.from(needle));

  it('writes both side by side, under the names the renderer fetches, the full one as buildHandModel makes it', async () => {
    const results = await buildHandModels(outDir, { source: 'npm', stampDir: dir });
    expect(results.map((r) => [r.variant, path.basename(r.outFile), r.source])).toEqual([
      ['full', 'hand_landmarker.task', 'npm'],
      ['lite', 'hand_landmarker_lite.task', 'npm'],
    ]);
    expect(results[0]!.sha256).toBe(sha256(await readFile(path.join(dir, 'generated', 'hand_landmarker.task'))));
    expect(results[1]!.sha256).toBe(sha256(await readFile(lite)));
    expect(results[1]!.sha256).not.toBe(results[0]!.sha256);
  });

  it('bundles the package’s lite models under the same member names, each TFL3 with the same metadata as the full ones', async () => {
    const [ours, full, sources] = await Promise.all([readFile(lite).then(readZip), readFile(path.join(outDir, 'hand_landmarker.task')).then(readZip), readHandModelSources('lite')]);
    expect(ours.map((m) => m.name)).toEqual(['hand_detector.tflite', 'hand_landmarks_detector.tflite']);
    const models = [sources.palmDetector, sources.handLandmarks];
    ours.forEach((m, i) => {
      expect(m.compression).toBe(0);
      expect(m.dataOffset % 64).toBe(0);
      expect(new TextDecoder().decode(m.data.subarray(4, 8))).toBe('TFL3');
      // The lite model, byte for byte, inside the member; not the full one.
      expect(indexOf(m.data, models[i]!)).toBeGreaterThan(0);
      expect(m.data.length).not.toBe(full[i]!.data.length);
      expect(Buffer.from(readModelMetadata(m.data).get(METADATA_NAME)!).equals(Buffer.from(readModelMetadata(full[i]!.data).get(METADATA_NAME)!))).toBe(true);
    });
    // The lite landmark model is well under half the full one (the point of it).
    expect(sources.handLandmarks.length).toBeLessThan(full[1]!.data.length / 2);
  });

  it('has the reference bundle’s member names and metadata too', async (ctx) => {
    if (!REFERENCE_TASK) return ctx.skip(NO_REFERENCE_TASK!);
    const [ours, theirs] = await Promise.all([readFile(lite).then(readZip), readFile(REFERENCE_TASK).then(readZip)]);
    expect(ours.map((m) => m.name)).toEqual(theirs.map((m) => m.name));
    ours.forEach((m, i) => {
      expect(Buffer.from(readModelMetadata(m.data).get(METADATA_NAME)!).equals(Buffer.from(readModelMetadata(theirs[i]!.data).get(METADATA_NAME)!))).toBe(true);
    });
  });

  it('makes the same bytes every time, and skips bundles that are up to date', async () => {
    const bytes = await buildHandModelBytes('lite');
    expect(sha256(bytes)).toBe(sha256(await readFile(lite)));
    expect(Buffer.from(await buildHandModelBytes('lite')).equals(Buffer.from(bytes))).toBe(true);
    const again = await buildHandModels(outDir, { source: 'npm', stampDir: dir });
    expect(again.map((r) => r.skipped)).toEqual([true, true]);
  });

  it('takes only the full bundle from Google when asked for the official one: the lite one comes from the package', async () => {
    const body = new TextEncoder().encode('pretend this is Google’s bundle');
    const fetchImpl = (async () => new Response(body)) as unknown as typeof fetch;
    const pin = { url: 'https://example.invalid/hand_landmarker.task', sha256: sha256(body) };
    const official = path.join(dir, 'official-both');
    const results = await buildHandModels(official, { source: 'official', pin, fetchImpl, stampDir: dir });
    expect(results.map((r) => [r.variant, r.source])).toEqual([
      ['full', 'official'],
      ['lite', 'npm'],
    ]);
    expect(sha256(await readFile(path.join(official, 'hand_landmarker_lite.task')))).toBe(sha256(await readFile(lite)));
    await expect(buildHandModel(path.join(dir, 'x-lite.task'), { variant: 'lite', source: 'official', pin, fetchImpl, stampDir: dir })).rejects.toThrow(/no lite hand model bundle/);
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
