// Sends a file the way a download that can resume expects: a strong ETag, If-None-Match
// answered with 304, one byte range (Range, honoured only while If-Range still names this
// file) answered with 206, and the file streamed from disk, never read whole.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../http/http-error.ts';

export interface SendFileOptions {
  /** The file's strong validator, unquoted (a SHA-256). */
  etag: string;
  contentType: string;
  cacheControl: string;
  /** Offered as a download with this file name. */
  downloadName?: string;
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 says for it), or is "*". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${etag}"`;
  });
}

/** One byte range of a file of `size` bytes: [start, end] inclusive, 'unsatisfiable', or null for the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: the whole file (a server may ignore Range).
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export async function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, o: SendFileOptions): Promise<FastifyReply> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new HttpError(404, 'not-found', 'The file is no longer on the hub.');
  const etag = `"${o.etag}"`;
  reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', o.cacheControl);
  if (o.downloadName) reply.header('content-disposition', `attachment; filename="${o.downloadName.replace(/[^A-Za-z0-9._@-]/g, '_')}"`);
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (etagMatches(request.headers['if-none-match'], o.etag)) return reply.code(304).send();
  }
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, info.size) : null;
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${info.size}`).send({ error: `The range asked for is outside the file (${info.size} bytes).`, code: 'bad-range' });
  }
  reply.header('content-type', o.contentType);
  if (range) {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`).header('content-length', range.end - range.start + 1);
  } else {
    reply.code(200).header('content-length', info.size);
  }
  if (request.method === 'HEAD') return reply.send();
  return reply.send(createReadStream(file, { start: range?.start ?? 0, end: range?.end ?? Math.max(0, info.size - 1), highWaterMark: 1 << 20 }));
}
