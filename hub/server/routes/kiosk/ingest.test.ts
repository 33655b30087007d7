import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { postBatch, testHub, track, T0 } from '../../testing/hub-fixture.ts';

describeEachDatabase('POST /v1/batch', (fixture) => {
  it('answers per event: accepted, then duplicate on a re-send; a bad event is rejected alone and the rest are stored', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const bad = { ...track('kiosk-aaaa-0001', 2), type: 'identify' };
    const first = await postBatch(t, token, [track('kiosk-aaaa-0001', 1), bad, track('kiosk-aaaa-0001', 3)]);
    expect(first.statusCode).toBe(200);
    expect(first.json().results).toEqual([
      { messageId: 'kiosk-aaaa-0001-1', status: 'accepted' },
      { messageId: 'kiosk-aaaa-0001-2', status: 'rejected', reason: 'type: only "track" messages are collected' },
      { messageId: 'kiosk-aaaa-0001-3', status: 'accepted' },
    ]);
    const again = await postBatch(t, token, [track('kiosk-aaaa-0001', 3), track('kiosk-aaaa-0001', 4), track('kiosk-aaaa-0001', 4)]);
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'accepted', 'duplicate']);
    const stored = await t.hub.store.db.selectFrom('events').select(['seq']).orderBy('seq').execute();
    expect(stored.map((r) => r.seq)).toEqual([1, 3, 4]);
    await t.close();
  });

  it("refuses events of another kiosk than the credential's, one by one", async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const res = await postBatch(t, token, [track('kiosk-bbbb-0002', 1), track('kiosk-aaaa-0001', 1)]);
    expect(res.json().results).toEqual([
      { messageId: 'kiosk-bbbb-0002-1', status: 'rejected', reason: 'context.kiosk.deviceId kiosk-bbbb-0002 is not the kiosk this credential belongs to' },
      { messageId: 'kiosk-aaaa-0001-1', status: 'accepted' },
    ]);
    await t.close();
  });

  it('takes the credential as a Basic user name, as Segment clients send a write key', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${token}:`).toString('base64')}`, 'content-type': 'application/json' },
      payload: { batch: [track('kiosk-aaaa-0001', 1)] },
    });
    expect(res.json().results).toEqual([{ messageId: 'kiosk-aaaa-0001-1', status: 'accepted' }]);
    await t.close();
  });

  it('refuses a missing, wrong or revoked credential with 401 and stores nothing', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const batch = { batch: [track('kiosk-aaaa-0001', 1)] };
    expect((await t.call(KIOSK_API.batch, { body: batch })).statusCode).toBe(401);
    const forged = `${token.slice(0, -4)}AAAA`;
    const wrong = await t.call(KIOSK_API.batch, { body: batch }, { kiosk: forged });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'not-enrolled' });
    const session = await t.admin();
    const revoked = await t.app.inject({ method: 'POST', url: '/api/kiosks/kiosk-aaaa-0001/revoke', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(revoked.statusCode).toBe(200);
    const after = await t.call(KIOSK_API.batch, { body: batch }, { kiosk: token });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'revoked', error: expect.stringMatching(/revoked/) });
    expect(await t.hub.store.db.selectFrom('events').selectAll().execute()).toEqual([]);
    await t.close();
  });

  it('stops inflating a compression bomb at the 500 KB bound, and refuses encodings it does not take', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"batch":["'), Buffer.alloc(50 * 1024 * 1024, 0x61), Buffer.from('"]}')]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const res = await t.app.inject({ method: 'POST', url: '/v1/batch', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: bomb });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'too-large' });
    const br = await t.app.inject({ method: 'POST', url: '/v1/batch', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'br' }, payload: 'x' });
    expect(br.statusCode).toBe(415);
    // Still serving.
    expect((await postBatch(t, token, [track('kiosk-aaaa-0001', 1)])).statusCode).toBe(200);
    await t.close();
  });

  it('counts seq numbers missing for the fleet page, and drops the kiosk reported', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    await postBatch(t, token, [1, 2, 5].map((s) => track('kiosk-aaaa-0001', s)));
    const session = await t.admin();
    const fleet = async () => (await t.app.inject({ method: 'GET', url: '/api/kiosks', headers: { cookie: session.cookie } })).json().kiosks[0];
    expect(await fleet()).toMatchObject({ seqGaps: 2 });
    await postBatch(t, token, [track('kiosk-aaaa-0001', 6, 'Events Dropped', { reason: 'budget', count: 2, seq_ranges: [[3, 4]], seq_ranges_complete: true, by_event: {} })]);
    expect(await fleet()).toMatchObject({ seqGaps: 0 });
    expect(T0).toBeGreaterThan(0);
    await t.close();
  });
});
