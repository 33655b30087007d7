// The fault proxy in front of a real hub: each fault does to an upload what it says, the
// hub's tables show what got through, and everything else passes as it came.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedFaults, seededRandom, type Fault } from './faults.ts';
import { startHubRig, type HubRig, type HubRigOptions } from './hub-rig.ts';

const DEVICE = 'proxy-test-kiosk';
const running: HubRig[] = [];
afterEach(async () => {
  for (const rig of running.splice(0)) await rig.close();
});

async function hubRig(options: HubRigOptions = {}) {
  const rig = await startHubRig(options);
  running.push(rig);
  return { rig, credential: await rig.enrol(DEVICE) };
}

function track(seq: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'track',
    messageId: `m-${seq}`,
    anonymousId: 'session-1',
    event: 'Screen Viewed',
    properties: { screen: 'home' },
    originalTimestamp: '2026-11-23T10:00:00.000Z',
    sentAt: '2026-11-23T10:00:01.000Z',
    context: { kiosk: { deviceId: DEVICE, bootId: 'b', seq, monotonicMs: 1 } },
    ...extra,
  };
}

interface Answer {
  status: number;
  headers: Headers;
  body: { success?: boolean; results?: { messageId: string; status: string; reason?: string }[]; error?: string };
}

/** POSTs a batch to the proxy as the kiosk does: gzip, the credential as a Basic user name. */
async function post(rig: HubRig, credential: string, messages: unknown[], gzip = true): Promise<Answer> {
  const json = JSON.stringify({ batch: messages, sentAt: new Date().toISOString() });
  const res = await fetch(`${rig.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      authorization: `Basic ${Buffer.from(`${credential}:`).toString('base64')}`,
      origin: 'http://127.0.0.1:1',
    },
    body: gzip ? new Uint8Array(gzipSync(json)) : json,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

const storedSeqs = async (rig: HubRig) => (await rig.eventsNamed('Screen Viewed')).map((e) => e.seq);

describe('fault proxy in front of the hub', () => {
  it('passes uploads to the hub, which stores each message once; re-sends are counted as duplicates', async () => {
    const { rig, credential } = await hubRig();
    const first = await post(rig, credential, [track(1), track(2)]);
    expect(first.status).toBe(200);
    expect(first.body.results!.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const again = await post(rig, credential, [track(2), track(3)], false);
    expect(again.body.results!.map((r) => r.status)).toEqual(['duplicate', 'accepted']);
    expect(await storedSeqs(rig)).toEqual([1, 2, 3]);
    expect(rig.proxy.stats).toMatchObject({ uploads: 2, gzipUploads: 1, accepted: 3, duplicates: 1, maxConcurrent: 1, byOutcome: { ok: 2 } });
    expect(await rig.health(DEVICE)).toMatchObject({ events: 3, firstSeq: 1, lastSeq: 3, missing: { count: 0 }, rejected: 0, seqConflicts: 0, fleetSeqGaps: 0 });
  });

  it('loses the answer before or after the hub stored the events, with Retry-After and CORS a browser can read', async () => {
    const faults: Fault[] = [
      { kind: 'status', status: 503, retryAfterSec: 4 },
      { kind: 'status', status: 500, store: true, retryAfterSec: 2 },
    ];
    const { rig, credential } = await hubRig({ proxy: { faults: scriptedFaults(faults) } });
    const lost = await post(rig, credential, [track(1)]);
    expect(lost.status).toBe(503);
    expect(lost.headers.get('retry-after')).toBe('4');
    expect(lost.headers.get('access-control-allow-origin')).toBe('*');
    expect(lost.headers.get('access-control-expose-headers')).toBe('retry-after');
    expect(await rig.count()).toBe(0);
    const storedThenLost = await post(rig, credential, [track(2)]);
    expect(storedThenLost.status).toBe(500);
    expect(storedThenLost.headers.get('retry-after')).toBe('2');
    expect(await storedSeqs(rig)).toEqual([2]);
    expect(rig.proxy.stats.byOutcome).toEqual({ 'status-503': 1, 'stored-then-500': 1 });
  });

  it('hangs, cuts the connection mid-body or after the hub stored the events', async () => {
    const faults: Fault[] = [{ kind: 'hang' }, { kind: 'hang', store: true }, { kind: 'reset-mid-body' }, { kind: 'reset-after-store' }];
    const { rig, credential } = await hubRig({ proxy: { faults: scriptedFaults(faults), hangMs: 500 } });
    await expect(post(rig, credential, [track(1)])).rejects.toThrow();
    expect(await rig.count()).toBe(0);
    await expect(post(rig, credential, [track(2)])).rejects.toThrow();
    expect(await storedSeqs(rig)).toEqual([2]);
    await expect(post(rig, credential, [track(3)])).rejects.toThrow();
    expect(await storedSeqs(rig)).toEqual([2]);
    await expect(post(rig, credential, [track(4)])).rejects.toThrow();
    expect(await storedSeqs(rig)).toEqual([2, 4]);
    expect(rig.proxy.stats.byOutcome).toEqual({ hang: 1, 'stored-then-hang': 1, 'reset-mid-body': 1, 'reset-after-store': 1 });
  });

  it('passes on part of a gzipped batch and asks for the rest again', async () => {
    const { rig, credential } = await hubRig({ proxy: { faults: scriptedFaults([{ kind: 'partial', acceptRatio: 0.5 }]), random: seededRandom(3) } });
    const batch = Array.from({ length: 20 }, (_, i) => track(i + 1));
    const answer = await post(rig, credential, batch);
    expect(answer.status).toBe(200);
    expect(answer.body.results!.map((r) => r.messageId)).toEqual(batch.map((m) => m.messageId));
    const accepted = answer.body.results!.filter((r) => r.status === 'accepted').map((r) => Number(r.messageId.slice(2)));
    const retry = answer.body.results!.filter((r) => r.status === 'retry');
    expect(accepted.length).toBeGreaterThan(0);
    expect(retry.length).toBeGreaterThan(0);
    expect(accepted.length + retry.length).toBe(20);
    expect(await storedSeqs(rig)).toEqual(accepted);
    // The rest, sent again, gets through.
    expect((await post(rig, credential, batch)).body.results!.filter((r) => r.status === 'accepted')).toHaveLength(retry.length);
    expect(await storedSeqs(rig)).toEqual(batch.map((m) => m.context.kiosk.seq));
  });

  it('answers like Segment when asked: no per-event results, and 400 for the whole batch if one message is bad', async () => {
    const { rig, credential } = await hubRig({ proxy: { answers: 'segment' } });
    const good = await post(rig, credential, [track(1)]);
    expect(good).toMatchObject({ status: 200, body: { success: true } });
    expect(good.body.results).toBeUndefined();
    const bad = await post(rig, credential, [track(2), track(3, { type: 'identify' })]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('message 1 is invalid: type: only "track" messages are collected');
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect(await storedSeqs(rig)).toEqual([1]);
  });

  it("passes the hub's CORS preflight, its refusals and its other routes through", async () => {
    const { rig } = await hubRig();
    const preflight = await fetch(`${rig.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-encoding,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type, content-encoding');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('retry-after');
    const refused = await post(rig, 'kt_not-a-credential', [track(1)]);
    expect(refused.status).toBe(401);
    expect(rig.proxy.stats.byOutcome).toEqual({ 'hub-401': 1 });
    expect(await (await fetch(`${rig.url}/healthz`)).json()).toEqual({ ok: true, database: 'sqlite' });
  });

  it('goes away (connection refused) and comes back on the same port, the hub keeping what it had', async () => {
    const { rig, credential } = await hubRig();
    await post(rig, credential, [track(1)]);
    await rig.proxy.setDown(true);
    await expect(fetch(`${rig.url}/v1/batch`, { method: 'POST', body: '{}' })).rejects.toThrow();
    await rig.proxy.setDown(false);
    expect((await post(rig, credential, [track(2)])).status).toBe(200);
    expect(await storedSeqs(rig)).toEqual([1, 2]);
  });
});
