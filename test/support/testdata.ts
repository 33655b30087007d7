// Where tests and benchmarks find the shared test data (ZXing's barcode images, the
// MediaPipe photos, clip and reference model): the one place that decides.
//
//   1. KIOSK_TESTDATA, when set — and then only there (point it at an empty folder to
//      see which tests need the data: they skip);
//   2. ../shared/testdata beside the repository (where the project keeps it);
//   3. .cache/testdata, the git-ignored folder `npm run fetch:testdata` fills.
//
// A file found in none of them makes the test that needs it skip, saying how to get it.
import { existsSync } from 'node:fs';
import path from 'node:path';

// import.meta.dirname, not import.meta.url: in a DOM test environment the URL is the page's.
const repo = path.resolve(import.meta.dirname, '..', '..');

export const TESTDATA_ENV = 'KIOSK_TESTDATA';
/** The project's own copy, beside the repository. */
export const SHARED_TESTDATA = path.resolve(repo, '..', 'shared', 'testdata');
/** Where `npm run fetch:testdata` puts the public files (git-ignored). */
export const FETCHED_TESTDATA = path.join(repo, '.cache', 'testdata');

/** Files of the shared test data that are not published anywhere: only ../shared/testdata has them. */
const UNPUBLISHED = new Set(['mediapipe/models/hand_landmarker.task', 'mediapipe/models/gesture_recognizer.task']);

type Env = Record<string, string | undefined>;

/** The folders looked in, in order. */
export function testdataFolders(env: Env = process.env): string[] {
  const chosen = env[TESTDATA_ENV];
  return chosen ? [path.resolve(chosen)] : [SHARED_TESTDATA, FETCHED_TESTDATA];
}

/** `rel` (e.g. 'barcodes/upce') in the first folder that has it, or null. */
export function findTestdata(rel: string, env: Env = process.env): string | null {
  for (const folder of testdataFolders(env)) {
    const file = path.join(folder, rel);
    if (existsSync(file)) return file;
  }
  return null;
}

/** What to tell someone whose checkout lacks `rels`; null when every one is there. */
export function missingTestdata(rels: readonly string[], env: Env = process.env): string | null {
  const missing = rels.filter((rel) => findTestdata(rel, env) === null);
  if (missing.length === 0) return null;
  const shown = (f: string) => (path.relative(process.cwd(), f).startsWith('..') ? f : path.relative(process.cwd(), f) || '.');
  const where = testdataFolders(env).map(shown).join(' or ');
  const list = missing.join(', ');
  if (missing.every((rel) => UNPUBLISHED.has(rel))) {
    return `needs ${list} from the project's shared test data (not in ${where}); it is made by the project, not published, so \`npm run fetch:testdata\` cannot fetch it — this check runs where ../shared/testdata exists`;
  }
  return `needs the test data ${list} (not in ${where}): run \`npm run fetch:testdata\` (needs internet) or set ${TESTDATA_ENV} to a copy`;
}

/** Thrown by test support that needs a test-data file it cannot find; tests turn it into a skip. */
export class MissingTestdata extends Error {
  override name = 'MissingTestdata';
}

/** The path of `rel`, or a MissingTestdata error saying how to get it. */
export function requireTestdata(rel: string, env: Env = process.env): string {
  const found = findTestdata(rel, env);
  if (!found) throw new MissingTestdata(missingTestdata([rel], env)!);
  return found;
}
