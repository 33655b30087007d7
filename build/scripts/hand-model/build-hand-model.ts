// Produces the hand model bundles for MediaPipe Tasks' HandLandmarker:
// hand_landmarker.task (the full models, for the GPU delegate) and
// hand_landmarker_lite.task (the lite ones, "model complexity 0", for the CPU).
//
// Default ("npm"): from the @mediapipe/hands package — a palm detector and a landmark
// model, each given the TFLite metadata MediaPipe Tasks insists on (NormalizationOptions
// mean 0 / std 255 on an RGB input), zipped stored as hand_detector.tflite +
// hand_landmarks_detector.tflite. No network; the same package gives the same bytes.
// "official" (KIOSK_HAND_MODEL_SOURCE=official): Google's bundle, pinned by SHA-256 —
// for the full model only: Google publishes no lite bundle, so that one is always made
// from the package.
//
// Skips all work when an output already matches what its inputs would produce.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DETECTOR_MEMBER,
  HAND_LANDMARKS_METADATA,
  HAND_MODEL_VARIANTS,
  HAND_MODELS,
  HANDS_PACKAGE_VERSION,
  LANDMARKS_MEMBER,
  PALM_DETECTOR_METADATA,
  type HandModelVariant,
} from './hand-model-spec.ts';
import { readHandModelSources } from './hand-model-sources.ts';
import { buildImageModelMetadata } from './model-metadata.ts';
import { downloadOfficialHandModel, OFFICIAL_HAND_MODEL, type OfficialModelPin } from './official-model.ts';
import { storedZip } from './stored-zip.ts';
import { withModelMetadata } from './tflite-model.ts';

/** Bump when the recipe changes, so existing outputs are rebuilt. */
const RECIPE_VERSION = 1;

const repo = fileURLToPath(new URL('../../..', import.meta.url));
/** The renderer's generated folder (gitignored; Vite copies it into dist/renderer/generated). */
export const DEFAULT_HAND_MODEL_DIR = path.join(repo, 'renderer', 'public', 'generated');
export const DEFAULT_HAND_MODEL_FILE = path.join(DEFAULT_HAND_MODEL_DIR, HAND_MODELS.full.file);

export type HandModelSource = 'npm' | 'official';

export interface BuildHandModelOptions {
  /** Which models go in: 'full' (the default) or 'lite'. */
  variant?: HandModelVariant;
  /** Where the bundle comes from; 'official' exists for the full one only. */
  source?: HandModelSource;
  /** Where the up-to-date stamp is kept (default node_modules/.cache/shopfront; never beside the output, which is served). */
  stampDir?: string;
  pin?: OfficialModelPin;
  fetchImpl?: typeof fetch;
  /** The @mediapipe/hands package folder (default: the installed one). */
  packageDir?: string;
}

export interface BuildHandModelResult {
  outFile: string;
  variant: HandModelVariant;
  source: HandModelSource;
  size: number;
  sha256: string;
  /** True when the existing output was already up to date. */
  skipped: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bundle of `variant` built from the npm package, in memory. */
export async function buildHandModelBytes(variant: HandModelVariant = 'full', packageDir?: string): Promise<Uint8Array> {
  const sources = await readHandModelSources(variant, packageDir);
  return storedZip([
    { name: DETECTOR_MEMBER, data: withModelMetadata(sources.palmDetector, buildImageModelMetadata(PALM_DETECTOR_METADATA)) },
    { name: LANDMARKS_MEMBER, data: withModelMetadata(sources.handLandmarks, buildImageModelMetadata(HAND_LANDMARKS_METADATA)) },
  ]);
}

async function inputsKey(variant: HandModelVariant, source: HandModelSource, pin: OfficialModelPin, packageDir?: string): Promise<string> {
  if (source === 'official') return `official:${pin.sha256}`;
  const sources = await readHandModelSources(variant, packageDir);
  const h = createHash('sha256').update(`npm:${RECIPE_VERSION}:${HANDS_PACKAGE_VERSION}:${variant}:`);
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

/** One bundle: the full one unless `options.variant` says 'lite'. */
export async function buildHandModel(outFile: string = DEFAULT_HAND_MODEL_FILE, options: BuildHandModelOptions = {}): Promise<BuildHandModelResult> {
  const variant = options.variant ?? 'full';
  const source: HandModelSource = options.source ?? (variant === 'full' && process.env.KIOSK_HAND_MODEL_SOURCE === 'official' ? 'official' : 'npm');
  if (source === 'official' && variant !== 'full') {
    throw new Error(`Google publishes no ${variant} hand model bundle: the ${variant} one is built from @mediapipe/hands (source 'npm').`);
  }
  const pin = options.pin ?? OFFICIAL_HAND_MODEL;
  const stamp = stampFile(outFile, options.stampDir ?? path.join(repo, 'node_modules', '.cache', 'shopfront'));
  const key = await inputsKey(variant, source, pin, options.packageDir);

  const existing = await readIfExists(outFile);
  const previous = JSON.parse((await readIfExists(stamp))?.toString('utf8') ?? 'null') as { key: string; sha256: string } | null;
  if (existing && previous?.key === key && previous.sha256 === sha256(existing)) {
    return { outFile, variant, source, size: existing.length, sha256: previous.sha256, skipped: true };
  }

  const bytes = source === 'official' ? await downloadOfficialHandModel(pin, options.fetchImpl) : await buildHandModelBytes(variant, options.packageDir);
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
  return { outFile, variant, source, size: bytes.length, sha256: digest, skipped: false };
}

export interface BuildHandModelsOptions extends Omit<BuildHandModelOptions, 'variant'> {
  /** Told each bundle's path before it is made (so a crash can name it). */
  onMaking?: (file: string) => void;
}

/**
 * Both bundles into `outDir`, under the names the renderer fetches: the full one from
 * `options.source`, the lite one always from the npm package.
 */
export async function buildHandModels(outDir: string = DEFAULT_HAND_MODEL_DIR, options: BuildHandModelsOptions = {}): Promise<BuildHandModelResult[]> {
  const { onMaking, ...rest } = options;
  const results: BuildHandModelResult[] = [];
  for (const variant of HAND_MODEL_VARIANTS) {
    const outFile = path.join(outDir, HAND_MODELS[variant].file);
    onMaking?.(outFile);
    results.push(await buildHandModel(outFile, { ...rest, variant, source: variant === 'full' ? rest.source : 'npm' }));
  }
  return results;
}
