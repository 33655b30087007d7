import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHandModels } from './build-hand-model.ts';
import { HAND_MODELS, HANDS_PACKAGE_VERSION, PACKED_ASSETS_FILE, PACKED_ASSETS_LOADER } from './hand-model-spec.ts';
import { handsPackageDir, packedFileTable, readHandModelSources } from './hand-model-sources.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'hand-model-sources-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const real = handsPackageDir();
const realTable = packedFileTable(await readFile(path.join(real, PACKED_ASSETS_LOADER), 'utf8'));

/**
 * A copy of the installed @mediapipe/hands (its files linked, not copied) whose loader
 * lists only `listed` of the packed assets, and which lacks the files in `without`.
 */
async function handsPackageWith(name: string, listed: string[], without: string[] = []): Promise<string> {
  const pkg = path.join(dir, name);
  await mkdir(pkg, { recursive: true });
  await writeFile(path.join(pkg, 'package.json'), JSON.stringify({ name: '@mediapipe/hands', version: HANDS_PACKAGE_VERSION }));
  const files = realTable.filter((f) => listed.includes(f.filename));
  await writeFile(path.join(pkg, PACKED_ASSETS_LOADER), `loadPackage({"files": ${JSON.stringify(files)}, "remote_package_size": 1});`);
  for (const file of [PACKED_ASSETS_FILE, HAND_MODELS.full.landmarkModelFile, HAND_MODELS.lite.landmarkModelFile]) {
    if (!without.includes(file)) await symlink(path.join(real, file), path.join(pkg, file));
  }
  return pkg;
}

describe('reading the models out of @mediapipe/hands', () => {
  it('finds each variant’s palm detector in the packed assets and its landmark model beside them', async () => {
    const [full, lite] = await Promise.all([readHandModelSources('full'), readHandModelSources('lite')]);
    expect([full.variant, lite.variant]).toEqual(['full', 'lite']);
    const entry = (name: string) => realTable.find((f) => f.filename === name)!;
    expect(full.palmDetector.length).toBe(entry(HAND_MODELS.full.palmDetectorEntry).end - entry(HAND_MODELS.full.palmDetectorEntry).start);
    expect(lite.palmDetector.length).toBe(entry(HAND_MODELS.lite.palmDetectorEntry).end - entry(HAND_MODELS.lite.palmDetectorEntry).start);
    expect(lite.handLandmarks.length).toBe((await stat(path.join(real, 'hand_landmark_lite.tflite'))).size);
    expect(Buffer.from(lite.palmDetector).equals(Buffer.from(full.palmDetector))).toBe(false);
  });

  it('says which lite file is missing from a package that lacks the lite palm detector', async () => {
    const pkg = await handsPackageWith('no-lite-palm', [HAND_MODELS.full.palmDetectorEntry]);
    await expect(readHandModelSources('full', pkg)).resolves.toMatchObject({ variant: 'full' });
    await expect(readHandModelSources('lite', pkg)).rejects.toThrow(`${PACKED_ASSETS_LOADER} does not list /third_party/mediapipe/modules/palm_detection/palm_detection_lite.tflite, the lite palm detector`);
  });

  it('says which lite file is missing from a package that lacks the lite landmark model', async () => {
    const pkg = await handsPackageWith('no-lite-landmarks', [HAND_MODELS.full.palmDetectorEntry, HAND_MODELS.lite.palmDetectorEntry], ['hand_landmark_lite.tflite']);
    await expect(readHandModelSources('lite', pkg)).rejects.toThrow(/has no hand_landmark_lite\.tflite \(the lite hand landmark model\); reinstall @mediapipe\/hands .* with npm ci/);
  });

  it('refuses to build from such a package, and writes no lite bundle', async () => {
    const pkg = await handsPackageWith('no-lite-build', [HAND_MODELS.full.palmDetectorEntry]);
    const out = path.join(dir, 'out');
    await expect(buildHandModels(out, { source: 'npm', stampDir: dir, packageDir: pkg })).rejects.toThrow(/palm_detection_lite\.tflite, the lite palm detector/);
    await expect(stat(path.join(out, 'hand_landmarker_lite.task'))).rejects.toThrow();
  });
});
