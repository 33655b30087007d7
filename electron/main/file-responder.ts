// Serves files from one root directory to the app:// and pack:// protocols: refuses
// anything that resolves outside the root (.., encoded dots, symlinks), answers
// byte ranges so video can seek, and never lists directories.
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { contentTypeOf } from '../../content/lib/files/content-types.ts';

export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  /** A small whole file read at once (a catalogue shard, a JSON file); a stream otherwise. */
  body: ReadableStream<Uint8Array> | Uint8Array | null;
}

/**
 * Files up to this size are read in one go: a stream costs a few chunk hand-offs more,
 * and a scan waits on one catalogue shard (~50 KB). Video and large pictures stream.
 */
const READ_WHOLE_BYTES = 512 * 1024;

/** Parses a single "bytes=a-b" range; null = whole file, 'invalid' = 416. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/**
 * The real path of `urlPath` under `root`, or null when it is not a regular file
 * inside the root once every symlink is resolved.
 */
export async function resolveInsideRoot(root: string, urlPath: string): Promise<{ file: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const realRoot = await fs.realpath(root).catch(() => null);
  if (!realRoot) return null;
  const candidate = path.resolve(realRoot, '.' + path.posix.normalize('/' + decoded));
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch {
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  const stat = await fs.stat(real).catch(() => null);
  return stat?.isFile() ? { file: real, size: stat.size } : null;
}

export async function respondWithFile(
  root: string,
  urlPath: string,
  request: { method: string; range: string | null },
  extraHeaders: Record<string, string> = {},
): Promise<FileResponse> {
  const notFound: FileResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: null };
  if (request.method !== 'GET' && request.method !== 'HEAD') return { ...notFound, status: 405 };
  const found = await resolveInsideRoot(root, urlPath);
  if (!found) return notFound;
  const { file, size } = found;
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(file),
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extraHeaders,
  };
  const range = parseRange(request.range, size);
  if (range === 'invalid') return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  headers['content-length'] = String(size === 0 ? 0 : end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  let body: FileResponse['body'] = null;
  if (request.method !== 'HEAD' && size > 0) {
    if (!range && size <= READ_WHOLE_BYTES) {
      const bytes = await fs.readFile(file);
      // Pack files never change in place; should one have, say what was read.
      headers['content-length'] = String(bytes.length);
      body = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    } else {
      body = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
    }
  }
  return { status: range ? 206 : 200, headers, body };
}
