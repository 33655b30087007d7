// The public files of the shared test data and where each comes from (see
// ../shared/testdata/README.md), pinned by size and SHA-256 in testdata-pins.json:
//   - barcodes/: ZXing's black-box test images (Apache-2.0), at a fixed commit of
//     github.com/zxing/zxing; `<sym>/<set>-<n>-<name>` is blackbox/<set>-<n>/<name>;
//   - mediapipe/images/: Google's gesture-recognizer sample photos (Apache-2.0), from the
//     bucket MediaPipe's own examples download them from (no commit there: the hash pins them).
// The pins are computed from a local copy (`npm run fetch:testdata -- --write-pins`).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PinnedFile } from './fetch-files.ts';

export const ZXING_COMMIT = '7f129804e396958ae762da288da5df330d142da0';
const ZXING = `https://raw.githubusercontent.com/zxing/zxing/${ZXING_COMMIT}`;
const MEDIAPIPE_SAMPLES = 'https://storage.googleapis.com/mediapipe-tasks/gesture_recognizer';
export const PINS_FILE = fileURLToPath(new URL('./testdata-pins.json', import.meta.url));

/** The upstream URL of a test-data file, or null for one that is not a public download. */
export function upstreamUrl(rel: string): string | null {
  if (rel === 'barcodes/LICENSE-Apache-2.0.txt') return `${ZXING}/LICENSE`;
  if (rel === 'barcodes/NOTICE.txt') return `${ZXING}/NOTICE`;
  const barcode = /^barcodes\/[a-z0-9]+\/([a-z0-9]+-\d+)-(.+)$/.exec(rel);
  if (barcode) return `${ZXING}/core/src/test/resources/blackbox/${barcode[1]}/${barcode[2]}`;
  const photo = /^mediapipe\/images\/google_(\w+\.jpg)$/.exec(rel);
  if (photo) return `${MEDIAPIPE_SAMPLES}/${photo[1]}`;
  return null;
}

async function walk(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const e of entries) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) files.push(...(await walk(root, rel)));
    else if (e.isFile()) files.push(rel);
  }
  return files;
}

/** Pins every public file of the local copy at `root`. */
export async function pinsFromFolder(root: string): Promise<PinnedFile[]> {
  const pins: PinnedFile[] = [];
  for (const rel of (await walk(root)).sort()) {
    const url = upstreamUrl(rel);
    if (!url) continue;
    const bytes = await readFile(path.join(root, rel));
    pins.push({ path: rel, url, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return pins;
}

export async function readPins(file = PINS_FILE): Promise<PinnedFile[]> {
  return (JSON.parse(await readFile(file, 'utf8')) as { files: PinnedFile[] }).files;
}

export function pinsJson(files: readonly PinnedFile[]): string {
  const about = 'Public files of the shared test data, pinned by size and SHA-256 (build/scripts/testdata/testdata-pins.ts says where each comes from).';
  return `{\n  "about": ${JSON.stringify(about)},\n  "files": [\n${files.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}
