import { expect, it } from 'vitest';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { heartbeat, postBatch, testHub, track } from '../../testing/hub-fixture.ts';

describeEachDatabase('the fleet', (fixture) => {
  it('shows a kiosk online with what its heartbeat said, and offline once heartbeats stop', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const session = await t.admin();
    const answer = await t.call(KIOSK_API.heartbeat, { body: heartbeat(t) }, { kiosk: token });
    // No pack assigned; the hub's own pack key to trust.
    expect(answer.json()).toEqual({ serverTime: t.clock.now(), commandsWaiting: 0, packs: { trustedKeys: [expect.objectContaining({ name: 'Shopfront hub' })], assigned: null } });
    let [row] = (await t.call(CONSOLE_API.fleet, {}, { session })).json().kiosks;
    expect(row).toMatchObject({
      deviceId: 'kiosk-aaaa-0001',
      storeId: 'sh-001',
      online: true,
      appVersion: '0.2.0',
      pack: { packId: 'spring', version: '1.4.0' },
      outboxDepth: 12,
      oldestUnsentAgeMs: 40_000,
      rendererRestarts: 1,
      camera: 'available',
      scanner: 'keyboard',
      openAlerts: 0,
    });
    t.clock.advance(5 * 60_000);
    [row] = (await t.call(CONSOLE_API.fleet, {}, { session })).json().kiosks;
    expect(row.online).toBe(false);
    await t.close();
  });

  it('tells the console the hub’s time on every answer, refusals too', async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const fleet = await t.call(CONSOLE_API.fleet, {}, { session });
    expect(fleet.headers['x-hub-time']).toBe(String(t.clock.now()));
    t.clock.advance(90_000);
    const refused = await t.app.inject({ method: 'GET', url: CONSOLE_API.fleet.path });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['x-hub-time']).toBe(String(t.clock.now()));
    await t.close();
  });

  it("keeps a kiosk's 7-day history: a health point per 10 minutes, shopper sessions per hour", async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const session = await t.admin();
    for (let minute = 0; minute < 30; minute++) {
      await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { outbox: { depth: minute, bytes: 0, oldestUnsentAgeMs: null, lastSuccessAt: null, shedTotal: 0, quarantinedTotal: 0 } }) }, { kiosk: token });
      t.clock.advance(60_000);
    }
    await postBatch(t, token, [
      { ...track('kiosk-aaaa-0001', 1, 'Session Started', { trigger: 'touch' }), anonymousId: 'shopper-1' },
      { ...track('kiosk-aaaa-0001', 2, 'Session Started', { trigger: 'scan' }), anonymousId: 'shopper-2' },
    ]);
    const history = (await t.call(CONSOLE_API.kiosk, { params: { deviceId: 'kiosk-aaaa-0001' } }, { session })).json();
    expect(history.health.map((p: { outboxDepth: number }) => p.outboxDepth)).toEqual([0, 10, 20]);
    expect(history.sessionsPerHour).toEqual([{ hour: expect.any(Number), sessions: 2 }]);
    // Ages on the kiosk's page count from the hub's time, as the fleet's do.
    expect(history.now).toBe(t.clock.now());
    await t.close();
  });
});
