// Downloads a URL into a .part file that survives dropped connections and restarts:
// the next attempt asks only for the missing bytes (Range) and only if the file on the
// server is still the same one (If-Range with its ETag or Last-Modified).
import { rm, stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeToFile } from '../files/pipe-to-file.ts';

export interface DownloadRequest {
  url: string;
  partFile: string;
  /** ETag or Last-Modified of the file the .part belongs to; without it a .part is restarted. */
  partValidator?: string;
  /** Answered with 304 when the server still has the pack we already handled. */
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  maxBytes: number;
  /** Give up when no byte arrives for this long. */
  stallTimeoutMs: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Called once the server named the file's validator, before the body streams, so it can be saved. */
  onValidator?: (validator: string | undefined) => Promise<void>;
}

export type DownloadResult =
  | { kind: 'not-modified' }
  | { kind: 'complete'; etag?: string; lastModified?: string; bytes: number; resumed: boolean };

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export async function downloadResumable(request: DownloadRequest): Promise<DownloadResult> {
  const have = request.partValidator ? ((await stat(request.partFile).catch(() => null))?.size ?? 0) : 0;
  if (have === 0) await rm(request.partFile, { force: true });
  const headers: Record<string, string> = { ...request.headers };
  if (request.ifNoneMatch) headers['if-none-match'] = request.ifNoneMatch;
  else if (request.ifModifiedSince) headers['if-modified-since'] = request.ifModifiedSince;
  if (have > 0 && request.partValidator) {
    headers.range = `bytes=${have}-`;
    headers['if-range'] = request.partValidator;
  }

  const abort = new AbortController();
  const onAbort = () => abort.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onAbort);
  let stall: NodeJS.Timeout | undefined;
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => abort.abort(new DownloadError(`no data for ${request.stallTimeoutMs} ms`)), request.stallTimeoutMs);
  };
  try {
    armStall();
    const response = await (request.fetch ?? fetch)(request.url, { headers, signal: abort.signal, redirect: 'follow' });
    // 304: still the file handled last time. 204: the server has no file for this client
    // (a hub that assigns this kiosk no pack): either way nothing to fetch, keep what runs.
    if (response.status === 304 || response.status === 204) {
      await response.body?.cancel();
      await rm(request.partFile, { force: true });
      return { kind: 'not-modified' };
    }
    if (response.status === 416) {
      await response.body?.cancel();
      await rm(request.partFile, { force: true });
      throw new DownloadError('the server refused the resume range; starting again next time', 416);
    }
    if (response.status !== 200 && response.status !== 206) {
      await response.body?.cancel();
      throw new DownloadError(`HTTP ${response.status}`, response.status, retryAfter(response.headers.get('retry-after')));
    }
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    const resumed = response.status === 206;
    /** The whole file's size: Content-Length of a 200, the total of a 206's Content-Range. */
    let expectedTotal = Number(response.headers.get('content-length') ?? NaN);
    if (resumed) {
      const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
      if (!range || Number(range[1]) !== have) {
        await response.body?.cancel();
        await rm(request.partFile, { force: true });
        throw new DownloadError('the server resumed at the wrong place; starting again next time', 206);
      }
      expectedTotal = range[3] === '*' ? NaN : Number(range[3]);
    }
    if (Number.isFinite(expectedTotal) && expectedTotal > request.maxBytes) {
      await response.body?.cancel();
      throw new DownloadError(`the pack is ${expectedTotal} bytes, over the limit of ${request.maxBytes}`);
    }
    await request.onValidator?.(etag ?? lastModified);
    if (!response.body) throw new DownloadError('empty response');

    let written = resumed ? have : 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        armStall();
        written += chunk.length;
        if (written > request.maxBytes) return callback(new DownloadError(`the download exceeds ${request.maxBytes} bytes`));
        callback(null, chunk);
      },
    });
    await pipeToFile(Readable.fromWeb(response.body as WebReadableStream), [counter], request.partFile, { flags: resumed ? 'a' : 'w' });
    if (Number.isFinite(expectedTotal) && written !== expectedTotal) {
      throw new DownloadError(`the download ended early: ${written} of ${expectedTotal} bytes`);
    }
    return { kind: 'complete', etag, lastModified, bytes: written, resumed };
  } catch (error) {
    if (abort.signal.aborted && abort.signal.reason instanceof DownloadError) throw abort.signal.reason;
    throw error;
  } finally {
    clearTimeout(stall);
    request.signal?.removeEventListener('abort', onAbort);
  }
}
