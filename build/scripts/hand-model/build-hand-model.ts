// Produces hand_landmarker.task for MediaPipe Tasks' HandLandmarker.
//
// Default ("npm"): from the @mediapipe/hands package — the palm detector and the full
// landmark model, each given the TFLite metadata MediaPipe Tasks insists on
// (NormalizationOptions mean 0 / std 255 on an RGB input), zipped stored as
// hand_detector.tflite + hand_landmarks_detector.tflite. No network.
// "official" (KIOSK_HAND_MODEL_SOURCE=official): Google's bundle, pinned by SHA-256.
//
// Skips all work when the output already matches what these inputs would produce.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DETECTOR_MEMBER, HAND_LANDMARKS_METADATA, HANDS_PACKAGE_VERSION, LANDMARKS_MEMBER, PALM_DETECTOR_METADATA } from './hand-model-spec.ts';
import { readHandModelSources } from './hand-model-sources.ts';
import { buildImageModelMetadata } from './model-metadata.ts';
import { downloadOfficialHandModel, OFFICIAL_HAND_MODEL, type OfficialModelPin } from './official-model.ts';
import { storedZip } from './stored-zip.ts';
import { withModelMetadata } from './tflite-model.ts';

/** Bump when the recipe changes, so existing outputs are rebuilt. */
const RECIPE_VERSION = 1;

const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const DEFAULT_HAND_MODEL_FILE = path.join(repo, 'renderer', 'public', 'generated', 'hand_landmarker.task');

export type HandModelSource = 'npm' | 'official';

export interface BuildHandModelOptions {
  source?: HandModelSource;
  /** Where the up-to-date stamp is kept (default node_modules/.cache/shopfront; never beside the output, which is served). */
  stampDir?: string;
  pin?: OfficialModelPin;
  fetchImpl?: typeof fetch;
}

export interface BuildHandModelResult {
  outFile: string;
  source: HandModelSource;
  size: number;
  sha256: string;
  /** True when the existing output was already up to date. */
  skipped: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bundle built from the npm package, in memory. */
export async function buildHandModelBytes(): Promise<Uint8Array> {
  const sources = await readHandModelSources();
  return storedZip([
    { name: DETECTOR_MEMBER, data: withModelMetadata(sources.palmDetector, buildImageModelMetadata(PALM_DETECTOR_METADATA)) },
    { name: LANDMARKS_MEMBER, data: withModelMetadata(sources.handLandmarks, buildImageModelMetadata(HAND_LANDMARKS_METADATA)) },
  ]);
}

async function inputsKey(source: HandModelSource, pin: OfficialModelPin): Promise<string> {
  if (source === 'official') return `official:${pin.sha256}`;
  const sources = await readHandModelSources();
  const h = createHash('sha256').update(`npm:${RECIPE_VERSION}:${HANDS_PACKAGE_VERSION}:`);
  h.update(sources.palmDetector).update(sources.handLandmarks);
  h.update(JSON.stringify([PALM_DETECTOR_METADATA, HAND_LANDMARKS_METADATA]));
  return h.digest('hex');
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

function stampFile(outFile: string, stampDir: string): string {
  const key = createHash('sha256').update(path.resolve(outFile)).digest('hex').slice(0, 16);
  return path.join(stampDir, `hand-model-${key}.json`);
}

export async function buildHandModel(outFile: string = DEFAULT_HAND_MODEL_FILE, options: BuildHandModelOptions = {}): Promise<BuildHandModelResult> {
  const source: HandModelSource = options.source ?? (process.env.KIOSK_HAND_MODEL_SOURCE === 'official' ? 'official' : 'npm');
  const pin = options.pin ?? OFFICIAL_HAND_MODEL;
  const stamp = stampFile(outFile, options.stampDir ?? path.join(repo, 'node_modules', '.cache', 'shopfront'));
  const key = await inputsKey(source, pin);

  const existing = await readIfExists(outFile);
  const previous = JSON.parse((await readIfExists(stamp))?.toString('utf8') ?? 'null') as { key: string; sha256: string } | null;
  if (existing && previous?.key === key && previous.sha256 === sha256(existing)) {
    return { outFile, source, size: existing.length, sha256: previous.sha256, skipped: true };
  }

  const bytes = source === 'official' ? await downloadOfficialHandModel(pin, options.fetchImpl) : await buildHandModelBytes();
  const digest = sha256(bytes);
  await mkdir(path.dirname(outFile), { recursive: true });
  const temp = `${outFile}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, outFile);
  } finally {
    await rm(temp, { force: true });
  }
  await mkdir(path.dirname(stamp), { recursive: true });
  await writeFile(stamp, JSON.stringify({ key, sha256: digest, outFile: path.resolve(outFile) }));
  return { outFile, source, size: bytes.length, sha256: digest, skipped: false };
}
