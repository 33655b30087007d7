// Serves files from one root directory to the app:// and pack:// protocols: refuses
// anything that resolves outside the root (.., encoded dots, symlinks), answers
// byte ranges so video can seek, and never lists directories.
import { constants as fsConstants, createReadStream } from 'node:fs';
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
 *
 * A scan waits for one catalogue shard read through here, and every file-system call is
 * a hop to libuv's thread pool that a busy 2-core kiosk may be slow to schedule: the
 * root's and the file's real paths are asked for at once, and the caller opens the file
 * and checks what it is on the open handle.
 */
export async function resolveInsideRoot(root: string, urlPath: string): Promise<{ file: string; size: number } | null> {
  const real = await realPathInside(root, urlPath);
  if (!real) return null;
  const stat = await fs.stat(real).catch(() => null);
  return stat?.isFile() ? { file: real, size: stat.size } : null;
}

async function realPathInside(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // The candidate is the root joined with a normalised path (no ".." can remain), so its
  // real path lies inside the root's real path unless a symlink leads out.
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const [realRoot, real] = await Promise.all([fs.realpath(root).catch(() => null), fs.realpath(candidate).catch(() => null)]);
  if (!realRoot || !real) return null;
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  return real;
}

/**
 * Opening never waits: a named pipe would hold a plain open until something wrote to it
 * (O_NONBLOCK changes nothing for a regular file, and anything else is refused below).
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | fsConstants.O_NONBLOCK;

/** The open file at `real` and its size, or null when it is not a regular file. */
async function openRegularFile(real: string): Promise<{ handle: fs.FileHandle; size: number } | null> {
  const handle = await fs.open(real, OPEN_FLAGS).catch(() => null);
  if (!handle) return null;
  const stat = await handle.stat().catch(() => null);
  if (stat?.isFile()) return { handle, size: stat.size };
  void handle.close().catch(() => undefined);
  return null;
}

/** Reads a whole small file from its handle (short reads are read on), then closes it without waiting. */
async function readWhole(handle: fs.FileHandle, size: number): Promise<Uint8Array> {
  try {
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // Pack files never change in place; should one have shrunk, say what was read.
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    void handle.close().catch(() => undefined);
  }
}

export async function respondWithFile(
  root: string,
  urlPath: string,
  request: { method: string; range: string | null },
  extraHeaders: Record<string, string> = {},
): Promise<FileResponse> {
  const notFound: FileResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: null };
  if (request.method !== 'GET' && request.method !== 'HEAD') return { ...notFound, status: 405 };
  const real = await realPathInside(root, urlPath);
  const opened = real ? await openRegularFile(real) : null;
  if (!real || !opened) return notFound;
  const { handle, size } = opened;
  const headers: Record<string, string> = {
    'content-type': contentTypeOf(real),
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
    ...extraHeaders,
  };
  const range = parseRange(request.range, size);
  const start = range === 'invalid' ? 0 : range?.start ?? 0;
  const end = range === 'invalid' ? 0 : range?.end ?? size - 1;
  let body: FileResponse['body'] = null;
  if (range === 'invalid' || request.method === 'HEAD' || size === 0) void handle.close().catch(() => undefined);
  else if (!range && size <= READ_WHOLE_BYTES) body = await readWhole(handle, size);
  else body = Readable.toWeb(createReadStream('', { fd: handle, start, end })) as ReadableStream<Uint8Array>;
  if (range === 'invalid') return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
  headers['content-length'] = String(body instanceof Uint8Array ? body.length : size === 0 ? 0 : end - start + 1);
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  return { status: range ? 206 : 200, headers, body };
}
