import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startCollector, type Collector } from './server.ts';

const running: Collector[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.close();
});

async function collector(options: Parameters<typeof startCollector>[0] = {}) {
  const c = await startCollector(options);
  running.push(c);
  return c;
}

let n = 0;
function track(seq: number, extra: Record<string, unknown> = {}, deviceId = 'dev-1') {
  n += 1;
  return {
    type: 'track',
    messageId: `m-${deviceId}-${seq}-${n}`,
    anonymousId: 'session-1',
    event: 'Screen Viewed',
    properties: { screen: 'home' },
    originalTimestamp: '2026-11-23T10:00:00.000Z',
    sentAt: '2026-11-23T10:00:01.000Z',
    context: { kiosk: { deviceId, bootId: 'b', storeId: 'sh-001', seq, monotonicMs: 1, packId: 'demo', packVersion: '1' } },
    ...extra,
  };
}

async function post(c: Collector, body: unknown, init: { gzip?: boolean; writeKey?: string; raw?: Buffer } = {}) {
  const json = Buffer.from(JSON.stringify(body));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.gzip) headers['content-encoding'] = 'gzip';
  if (init.writeKey) headers.authorization = `Basic ${Buffer.from(`${init.writeKey}:`).toString('base64')}`;
  const res = await fetch(`${c.url}/v1/batch`, { method: 'POST', headers, body: init.raw ? new Uint8Array(init.raw) : init.gzip ? new Uint8Array(gzipSync(json)) : json });
  return { status: res.status, body: (await res.json()) as { results?: { messageId: string; status: string; reason?: string }[]; error?: string } };
}

async function health(c: Collector, deviceId = 'dev-1') {
  const res = await fetch(`${c.url}/v1/kiosks/${deviceId}/health`);
  return (await res.json()) as Record<string, unknown> & { missing: { count: number; ranges: number[][] } };
}

describe('reference collector', () => {
  it('stores a gzip batch once: a re-sent message is answered "duplicate" and not stored again', async () => {
    const c = await collector();
    const batch = [track(1), track(2)];
    const first = await post(c, { batch }, { gzip: true });
    expect(first.status).toBe(200);
    expect(first.body.results!.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const again = await post(c, { batch: [batch[1], track(3)] });
    expect(again.body.results!.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
    expect(c.store.eventCount()).toBe(3);
    const rows = c.store.db.prepare('SELECT seq, event FROM events ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 1, event: 'Screen Viewed' },
      { seq: 2, event: 'Screen Viewed' },
      { seq: 3, event: 'Screen Viewed' },
    ]);
    expect(await health(c)).toMatchObject({ events: 3, lastSeq: 3, missing: { count: 0 }, duplicatesReceived: 1 });
  });

  it('rejects an invalid message with a reason and stores the rest of the batch', async () => {
    const c = await collector();
    const res = await post(c, { batch: [track(1), track(2, { event: 'x'.repeat(201) }), track(3, { originalTimestamp: 'yesterday' }), track(4)] });
    expect(res.body.results!.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(res.body.results![1]!.reason).toMatch(/^event: /);
    expect(res.body.results![2]!.reason).toBe('originalTimestamp: is not an ISO 8601 date-time');
    expect(c.store.eventCount()).toBe(2);
    // Rejected seq numbers are accounted for: they are not reported missing.
    expect(await health(c)).toMatchObject({ events: 2, rejected: 2, missing: { count: 0 } });
  });

  it('rejects a message over 32 KB', async () => {
    const c = await collector();
    const res = await post(c, { batch: [track(1, { properties: { blob: 'y'.repeat(33 * 1024) } })] });
    expect(res.body.results![0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/limit is 32768/) });
  });

  it('answers 401 to an unknown write key and stores nothing; takes the key from Basic auth or the body', async () => {
    const c = await collector({ writeKeys: ['secret'] });
    const wrong = await post(c, { batch: [track(1)] }, { writeKey: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatch(/write key/);
    expect((await post(c, { batch: [track(1)] }, { writeKey: 'secret' })).status).toBe(200);
    expect((await post(c, { batch: [track(2)], writeKey: 'secret' })).status).toBe(200);
    expect(c.store.eventCount()).toBe(2);
  });

  it('refuses a gzip bomb with 413 instead of inflating it', async () => {
    const c = await collector();
    const bomb = gzipSync(Buffer.from(`{"batch":[],"pad":"${'0'.repeat(20_000_000)}"}`));
    const res = await post(c, null, { gzip: true, raw: bomb });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/larger than 512000 bytes/);
  });

  it('answers 400 with a reason to a body that is not a batch', async () => {
    const c = await collector();
    expect(await post(c, null, { raw: Buffer.from('{nope') })).toMatchObject({ status: 400, body: { error: 'the body is not JSON' } });
    expect(await post(c, { events: [] })).toMatchObject({ status: 400, body: { error: 'the body needs a "batch" array' } });
  });

  it('reports seq numbers that never arrived, minus those the kiosk said it dropped', async () => {
    const c = await collector();
    await post(c, { batch: [2, 3, 7, 8, 12].map((s) => track(s)) });
    expect((await health(c)).missing).toEqual({ count: 7, ranges: [[1, 1], [4, 6], [9, 11]] });
    const dropped = track(13, { event: 'Events Dropped', properties: { reason: 'budget', count: 4, seq_ranges: [[4, 6], [10, 10]], by_event: { 'Kiosk Heartbeat': 4 } } });
    await post(c, { batch: [dropped] });
    expect(await health(c)).toMatchObject({
      lastSeq: 13,
      missing: { count: 3, ranges: [[1, 1], [9, 9], [11, 11]] },
      dropped: { count: 4, ranges: [[4, 6], [10, 10]] },
    });
  });

  it('flags one seq stored under two messageIds and keeps the last heartbeat', async () => {
    const c = await collector();
    await post(c, { batch: [track(1), track(1), track(2, { event: 'Kiosk Heartbeat', properties: { queue_depth: 7 } })] });
    expect(await health(c)).toMatchObject({ seqConflicts: 1, lastHeartbeat: { queue_depth: 7 } });
    expect((await fetch(`${c.url}/v1/kiosks/nobody/health`)).status).toBe(404);
  });

  it('answers like Segment when asked: no per-event results, and 400 for the whole batch if one message is bad', async () => {
    const c = await collector({ perEventResults: false });
    expect(await post(c, { batch: [track(1)] })).toEqual({ status: 200, body: { success: true } });
    const bad = await post(c, { batch: [track(2), track(3, { type: 'identify' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('message 1 is invalid: type: only "track" messages are collected');
    expect(c.store.eventCount()).toBe(1);
  });

  it('lets a browser kiosk on another origin post gzip with a write key (CORS), and read Retry-After', async () => {
    const c = await collector();
    const res = await fetch(`${c.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-encoding,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, content-encoding');
    expect(res.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('goes away (connection refused) and comes back on the same port with its data', async () => {
    const c = await collector();
    await post(c, { batch: [track(1)] });
    await c.setDown(true);
    await expect(fetch(`${c.url}/v1/batch`, { method: 'POST', body: '{}' })).rejects.toThrow();
    await c.setDown(false);
    expect((await post(c, { batch: [track(2)] })).status).toBe(200);
    expect(c.store.eventCount()).toBe(2);
  });
});
