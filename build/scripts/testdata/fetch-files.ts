// Downloads pinned files into a folder: each one is kept only when its size and SHA-256
// are the pinned ones (written beside, then renamed into place), so a changed upstream
// file, a proxy's error page or a cut connection never becomes test data. Files already
// there with the right hash are not downloaded again.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PinnedFile {
  /** Where it goes, relative to the test-data folder ('barcodes/upce/upce-1-1.png'). */
  path: string;
  /** Where it comes from: a URL that names a fixed version (a commit) wherever the host allows. */
  url: string;
  size: number;
  sha256: string;
}

export interface FetchOptions {
  dest: string;
  files: readonly PinnedFile[];
  /** Fetch `<mirror>/<path>` instead of each file's URL (a copy with the test data's own layout). */
  mirror?: string;
  fetchImpl?: typeof fetch;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface FetchReport {
  fetched: string[];
  present: string[];
  failed: { path: string; problem: string }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function hasPinned(file: string, pin: PinnedFile): Promise<boolean> {
  const bytes = await readFile(file).catch(() => null);
  return bytes !== null && bytes.length === pin.size && sha256(bytes) === pin.sha256;
}

export function sourceUrl(pin: PinnedFile, mirror?: string): string {
  return mirror ? `${mirror.replace(/\/+$/, '')}/${pin.path.split('/').map(encodeURIComponent).join('/')}` : pin.url;
}

/** One file: its bytes when they are the pinned ones, else the reason (nothing is written). */
async function download(pin: PinnedFile, url: string, fetchImpl: typeof fetch): Promise<Uint8Array | string> {
  let lastError = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    let res: Response;
    try {
      res = await fetchImpl(url, { redirect: 'follow' });
    } catch (err) {
      lastError = `could not download ${url} (${(err as Error).message}${(err as { cause?: Error }).cause ? `: ${(err as { cause: Error }).cause.message}` : ''})`;
      continue; // a dropped connection: once more
    }
    if (!res.ok) {
      lastError = `${url} answered HTTP ${res.status}`;
      if (res.status >= 500) continue;
      return lastError;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const actual = sha256(bytes);
    if (bytes.length !== pin.size || actual !== pin.sha256) {
      return `${url} gave ${bytes.length} bytes with SHA-256 ${actual}, not the pinned ${pin.size} bytes with ${pin.sha256}: refused, not written`;
    }
    return bytes;
  }
  return lastError;
}

export async function fetchPinnedFiles(options: FetchOptions): Promise<FetchReport> {
  const { dest, files, mirror, fetchImpl = fetch, concurrency = 6, log = () => {} } = options;
  const report: FetchReport = { fetched: [], present: [], failed: [] };
  const queue = [...files];
  const worker = async () => {
    for (let pin = queue.shift(); pin; pin = queue.shift()) {
      const target = path.join(dest, ...pin.path.split('/'));
      if (await hasPinned(target, pin)) {
        report.present.push(pin.path);
        continue;
      }
      const got = await download(pin, sourceUrl(pin, mirror), fetchImpl);
      if (typeof got === 'string') {
        report.failed.push({ path: pin.path, problem: got });
        log(`  FAILED ${pin.path}: ${got}`);
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.part`;
      try {
        await writeFile(temp, got);
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      report.fetched.push(pin.path);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  for (const list of [report.fetched, report.present]) list.sort();
  report.failed.sort((a, b) => a.path.localeCompare(b.path));
  return report;
}
