// Reads the two models of one variant (full or lite) out of the installed
// @mediapipe/hands package: the landmark model is a plain file, the palm detector is a
// slice of the packed-assets file whose byte range the package's loader script lists.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HAND_MODELS, HANDS_PACKAGE, HANDS_PACKAGE_VERSION, PACKED_ASSETS_FILE, PACKED_ASSETS_LOADER, type HandModelVariant } from './hand-model-spec.ts';

export interface HandModelSources {
  variant: HandModelVariant;
  packageDir: string;
  palmDetector: Uint8Array;
  handLandmarks: Uint8Array;
}

export function handsPackageDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.dirname(require.resolve(`${HANDS_PACKAGE}/package.json`));
  } catch {
    throw new Error(`${HANDS_PACKAGE} is not installed: it is a devDependency (${HANDS_PACKAGE_VERSION}); run npm install.`);
  }
}

interface PackedFile {
  filename: string;
  start: number;
  end: number;
}

/** The file table of an Emscripten packed-assets loader: `"files": [{filename, start, end}, …]`. */
export function packedFileTable(loaderSource: string): PackedFile[] {
  const match = /"files"\s*:\s*(\[[^\]]*\])/.exec(loaderSource);
  if (!match) throw new Error(`${PACKED_ASSETS_LOADER}: no "files" table found; is this the ${HANDS_PACKAGE} ${HANDS_PACKAGE_VERSION} package?`);
  const files = JSON.parse(match[1]!) as PackedFile[];
  for (const f of files) {
    if (typeof f.filename !== 'string' || !Number.isInteger(f.start) || !Number.isInteger(f.end) || f.end < f.start) {
      throw new Error(`${PACKED_ASSETS_LOADER}: malformed entry ${JSON.stringify(f)}`);
    }
  }
  return files;
}

function assertTflite(bytes: Uint8Array, what: string): void {
  const id = new TextDecoder().decode(bytes.subarray(4, 8));
  if (id !== 'TFL3') throw new Error(`${what} is not a TFLite model (found "${id}" where "TFL3" belongs)`);
}

async function readPackageFile(packageDir: string, file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path.join(packageDir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new Error(`${HANDS_PACKAGE} in ${packageDir} has no ${file} (${what}); reinstall ${HANDS_PACKAGE} ${HANDS_PACKAGE_VERSION} with npm ci.`, { cause: err });
  }
}

export async function readHandModelSources(variant: HandModelVariant = 'full', packageDir = handsPackageDir()): Promise<HandModelSources> {
  const recipe = HAND_MODELS[variant];
  const pkg = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version?: string };
  if (pkg.version !== HANDS_PACKAGE_VERSION) {
    throw new Error(`${HANDS_PACKAGE} ${pkg.version} is installed but the hand model recipe is for ${HANDS_PACKAGE_VERSION}; run npm ci.`);
  }
  const table = packedFileTable((await readPackageFile(packageDir, PACKED_ASSETS_LOADER, 'the packed-assets loader')).toString('utf8'));
  const palm = table.find((f) => f.filename === recipe.palmDetectorEntry);
  if (!palm) throw new Error(`${PACKED_ASSETS_LOADER} does not list ${recipe.palmDetectorEntry}, the ${variant} palm detector: is this the ${HANDS_PACKAGE} ${HANDS_PACKAGE_VERSION} package?`);
  const packed = await readPackageFile(packageDir, PACKED_ASSETS_FILE, 'the packed assets, which hold the palm detectors');
  if (palm.end > packed.length) throw new Error(`${PACKED_ASSETS_FILE} is ${packed.length} bytes, shorter than the listed ${variant} palm model end ${palm.end}`);
  const palmDetector = new Uint8Array(packed.subarray(palm.start, palm.end));
  const handLandmarks = new Uint8Array(await readPackageFile(packageDir, recipe.landmarkModelFile, `the ${variant} hand landmark model`));
  assertTflite(palmDetector, `${PACKED_ASSETS_FILE} [${palm.start}, ${palm.end})`);
  assertTflite(handLandmarks, recipe.landmarkModelFile);
  return { variant, packageDir, palmDetector, handLandmarks };
}
