import { describe, expect, it } from 'vitest';
import { commandResultRoute, commandsRoute } from '../../../content/schema/hub-api/commands.ts';
import { heartbeatRoute } from '../../../content/schema/hub-api/heartbeat.ts';
import { callHub, hubUrl, type HubCallContext } from './hub-client.ts';
import { manualClock } from './testing/manual-clock.ts';

function context(fetch: typeof globalThis.fetch, clock = manualClock()): HubCallContext {
  return { baseUrl: 'https://hub.example.com/hub', token: 'kt_1', timeoutMs: 30_000, signal: new AbortController().signal, fetch, clock };
}

describe('hub client', () => {
  it('puts routes under the base URL, its path kept, parameters escaped', () => {
    expect(hubUrl('https://hub.example.com', '/v1/heartbeat')).toBe('https://hub.example.com/v1/heartbeat');
    expect(hubUrl('https://hub.example.com/hub', '/v1/commands', { waitSec: 25 })).toBe('https://hub.example.com/hub/v1/commands?waitSec=25');
    expect(hubUrl('https://hub.example.com/hub/?x=1#y', '/v1/commands/a%2Fb/result')).toBe('https://hub.example.com/hub/v1/commands/a%2Fb/result');
  });

  it('sends the credential as a Bearer token and reads the answer with the contract', async () => {
    const seen: { url: string; auth: string | null; method: string | undefined }[] = [];
    const answer = await callHub(commandResultRoute, { params: { id: 'c/1' }, body: { ok: true, message: 'done' } }, context(async (url, init) => {
      seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization'), method: init?.method });
      return new Response('{"recorded":true}');
    }));
    expect(answer).toEqual({ kind: 'ok', status: 200, body: { recorded: true } });
    expect(seen).toEqual([{ url: 'https://hub.example.com/hub/v1/commands/c%2F1/result', auth: 'Bearer kt_1', method: 'POST' }]);
  });

  it('does not send a body the contract refuses', async () => {
    let sent = 0;
    const answer = await callHub(heartbeatRoute, { body: { mode: 'tv' } }, context(async () => (sent++, new Response('{}'))));
    expect(answer).toMatchObject({ kind: 'not-sent' });
    expect(sent).toBe(0);
  });

  it("reads the hub's refusal, its sentence and its Retry-After", async () => {
    const answer = await callHub(commandsRoute, { query: { waitSec: 25 } }, context(async () => new Response('{"error":"Busy","code":"busy"}', { status: 503, headers: { 'retry-after': '30' } })));
    expect(answer).toEqual({ kind: 'refused', status: 503, message: 'Busy', code: 'busy', retryAfterMs: 30_000 });
    const odd = await callHub(commandsRoute, {}, context(async () => new Response('{"commands":"none"}')));
    expect(odd).toMatchObject({ kind: 'refused', status: 200, code: 'bad-answer' });
    const proxy = await callHub(commandsRoute, {}, context(async () => new Response('<html>Bad gateway</html>', { status: 502 })));
    expect(proxy).toEqual({ kind: 'refused', status: 502, message: null, code: null, retryAfterMs: null });
  });

  it('gives up on a hub that does not answer within the timeout, and says why', async () => {
    const clock = manualClock();
    const pending = callHub(commandsRoute, {}, context((_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('aborted')))), clock));
    await clock.advance(30_000);
    expect(await pending).toEqual({ kind: 'unreachable', message: 'no answer within 30 s' });
    const refused = await callHub(commandsRoute, {}, context(async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))));
    expect(refused).toEqual({ kind: 'unreachable', message: 'fetch failed (ECONNREFUSED)' });
  });
});
