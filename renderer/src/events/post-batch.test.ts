import { describe, expect, it } from 'vitest';
import type { UploadVerdict } from './batch-response.ts';
import { postBatch, type BatchPost } from './post-batch.ts';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records each request and answers with `answer` (or never, until aborted). */
function fakeFetch(answer: (() => Promise<Response>) | 'never') {
  const calls: Call[] = [];
  const fetchImpl = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (answer !== 'never') return answer();
    return new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error)));
  }) as typeof fetch;
  return { calls, fetchImpl };
}

function post(fetchImpl: typeof fetch, overrides: Partial<BatchPost> = {}): Promise<UploadVerdict> {
  return postBatch({
    endpoint: 'https://collector.example.com/v1/batch',
    payload: new Uint8Array([0x1f, 0x8b]),
    writeKey: 'key',
    messageIds: ['a', 'b'],
    timeoutMs: 1_000,
    signal: new AbortController().signal,
    fetchImpl,
    ...overrides,
  });
}

describe('posting a batch', () => {
  it('posts the payload to the endpoint with the wire-format headers, no cookies and no referrer, at once', async () => {
    const { calls, fetchImpl } = fakeFetch(async () => Response.json({ results: [{ messageId: 'a', status: 'accepted' }, { messageId: 'b', status: 'duplicate' }] }));
    const answer = post(fetchImpl);
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe('https://collector.example.com/v1/batch');
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
    expect(init.headers).toEqual({ 'content-type': 'application/json', authorization: 'Basic a2V5Og==', 'content-encoding': 'gzip' });
    expect(init.body).toEqual(new Uint8Array([0x1f, 0x8b]));
    expect(await answer).toEqual({ kind: 'settled', accepted: ['a', 'b'], rejected: [], retry: [] });
  });

  it('sends JSON text without Content-Encoding when gzip is off', async () => {
    const { calls, fetchImpl } = fakeFetch(async () => new Response('OK'));
    await post(fetchImpl, { payload: '{"batch":[]}', writeKey: undefined });
    expect(calls[0]!.init.headers).toEqual({ 'content-type': 'application/json' });
    expect(calls[0]!.init.body).toBe('{"batch":[]}');
  });

  it("passes a 429's Retry-After on", async () => {
    const { fetchImpl } = fakeFetch(async () => new Response('slow down', { status: 429, headers: { 'retry-after': '30' } }));
    expect(await post(fetchImpl)).toEqual({ kind: 'retry', reason: 'HTTP 429: slow down', retryAfter: '30', network: false });
  });

  it('turns a connection error into a network error', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    expect(await post(fetchImpl)).toEqual({ kind: 'retry', reason: 'cannot reach the collector: fetch failed', retryAfter: null, network: true });
  });

  it('gives up on a collector that does not answer within the timeout', async () => {
    const { fetchImpl } = fakeFetch('never');
    expect(await post(fetchImpl, { timeoutMs: 20 })).toMatchObject({ reason: 'cannot reach the collector: no answer within 20 ms', network: true });
  });

  it('ends at once when the uploader stops', async () => {
    const { fetchImpl } = fakeFetch('never');
    const stop = new AbortController();
    const answer = post(fetchImpl, { signal: stop.signal, timeoutMs: 60_000 });
    stop.abort(new Error('stopped'));
    expect(await answer).toMatchObject({ reason: 'cannot reach the collector: stopped', network: true });
  });
});
