// One POST of an encoded batch to the collector, its answer read as a verdict. Never
// throws: no answer within the timeout, a dropped connection or the uploader stopping
// is a network error, retried like any other failure.
import { batchHeaders } from './batch-request.ts';
import { interpretResponse, unreachable, type UploadVerdict } from './batch-response.ts';

export interface BatchPost {
  endpoint: string;
  /** Gzipped JSON, or the JSON text itself when gzip is off. */
  payload: Uint8Array | string;
  writeKey: string | undefined;
  /** The batch's messageIds, in order: what the collector answers for. */
  messageIds: readonly string[];
  timeoutMs: number;
  /** Ends the request early (the uploader stopping). */
  signal: AbortSignal;
  fetchImpl: typeof fetch;
}

/** Sends at once (the request is on its way when this returns) and resolves with the verdict. */
export async function postBatch(post: BatchPost): Promise<UploadVerdict> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`no answer within ${post.timeoutMs} ms`)), post.timeoutMs);
  const signal = AbortSignal.any([timeout.signal, post.signal]);
  try {
    const res = await post.fetchImpl(post.endpoint, {
      method: 'POST',
      headers: batchHeaders(post.writeKey, typeof post.payload !== 'string'),
      body: post.payload as BodyInit,
      signal,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const text = await res.text();
    return interpretResponse(res.status, res.headers.get('retry-after'), text, post.messageIds);
  } catch (err) {
    return unreachable(signal.reason instanceof Error ? signal.reason.message : (err as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
