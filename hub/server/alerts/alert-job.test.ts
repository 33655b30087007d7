import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { CONSOLE_API, KIOSK_API } from '../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../store/testing/each-database.ts';
import { openAlerts as storedOpenAlerts } from '../../store/queries/alerts.ts';
import { heartbeat, testHub, type TestHub } from '../testing/hub-fixture.ts';
import { evaluateAlerts } from './alert-job.ts';

const MIN = 60_000;
const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A webhook receiver on 127.0.0.1 that keeps what it was sent; answers `status` (and WeCom's errcode). */
async function receiver(status = 200) {
  const got: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push(JSON.parse(body));
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

async function settings(t: TestHub, over: Record<string, unknown>) {
  const session = await t.admin();
  const body = { webhookUrl: null, webhookFormat: 'json', offlineMin: 15, untouchedHours: 4, outboxStaleMin: 60, seqGapMin: 60, crashesPerHour: 3, ...over };
  const res = await t.call(CONSOLE_API.putAlertSettings, { body: body as never }, { session });
  expect(res.statusCode).toBe(200);
}

const openAlerts = (t: TestHub) => storedOpenAlerts(t.hub.store);

describeEachDatabase('alerts', (fixture) => {
  it('raises "offline" after 15 open minutes without a heartbeat, tells the webhook once, and says when it is resolved', async () => {
    const t = await testHub(await fixture.open()); // Monday 10:00 in Shanghai
    const hook = await receiver();
    await settings(t, { webhookUrl: hook.url, webhookFormat: 'json' });
    const token = await t.enrol('kiosk-aaaa-0001');
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t) }, { kiosk: token });
    t.clock.advance(14 * MIN);
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toEqual([]);
    t.clock.advance(2 * MIN);
    await evaluateAlerts(t.hub);
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toMatchObject([{ kind: 'offline', detail: { offlineOpenMinutes: 16 } }]);
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]).toMatchObject({ type: 'shopfront.alert', state: 'opened', kind: 'offline', kiosk: { deviceId: 'kiosk-aaaa-0001', storeId: 'sh-001' } });
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t) }, { kiosk: token });
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toEqual([]);
    expect(hook.got).toHaveLength(2);
    expect(hook.got[1]).toMatchObject({ state: 'resolved', kind: 'offline', text: expect.stringContaining('【已恢复】互动屏离线') });
    await t.close();
  });

  it('raises nothing at night in a closed store, and only once the store has been open for 15 minutes', async () => {
    const t = await testHub(await fixture.open());
    await settings(t, {});
    const token = await t.enrol('kiosk-aaaa-0001');
    t.clock.set(Date.parse('2026-12-07T20:50:00+08:00'));
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t) }, { kiosk: token });
    for (const local of ['21:30', '23:59']) {
      t.clock.set(Date.parse(`2026-12-07T${local}:00+08:00`));
      await evaluateAlerts(t.hub);
    }
    for (const local of ['03:00', '08:59', '09:04']) {
      t.clock.set(Date.parse(`2026-12-08T${local}:00+08:00`));
      await evaluateAlerts(t.hub);
    }
    expect(await openAlerts(t)).toEqual([]);
    t.clock.set(Date.parse('2026-12-08T09:06:00+08:00')); // 10 minutes before closing + 6 after opening
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toMatchObject([{ kind: 'offline', detail: { offlineOpenMinutes: 16 } }]);
    await t.close();
  });

  it('knows a closed day from the store\'s hours and holidays set in the console', async () => {
    const t = await testHub(await fixture.open());
    await settings(t, {});
    const session = await t.admin();
    const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '10:00', close: '22:00' }]]));
    const saved = await t.call(CONSOLE_API.putStore, { params: { id: 'sh-001' }, body: { name: '静安店', timezone: 'Asia/Shanghai', hours: hours as never, holidays: [{ date: '2026-12-08', name: '盘点', hours: [] }] } }, { session });
    expect(saved.statusCode).toBe(200);
    const token = await t.enrol('kiosk-aaaa-0001');
    t.clock.set(Date.parse('2026-12-07T21:00:00+08:00'));
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t) }, { kiosk: token });
    t.clock.set(Date.parse('2026-12-08T15:00:00+08:00')); // the stocktake day: closed
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toEqual([]);
    t.clock.set(Date.parse('2026-12-09T10:00:00+08:00'));
    await evaluateAlerts(t.hub);
    expect(await openAlerts(t)).toMatchObject([{ kind: 'offline', detail: { offlineOpenMinutes: 60 } }]);
    await t.close();
  });

  it('raises untouched, outbox-stale, renderer-crashes and pack-rollback from heartbeats, as a WeCom robot message', async () => {
    const t = await testHub(await fixture.open());
    const hook = await receiver();
    await settings(t, { webhookUrl: hook.url, webhookFormat: 'wecom' });
    const token = await t.enrol('kiosk-aaaa-0001');
    t.clock.set(Date.parse('2026-12-07T16:00:00+08:00')); // so five hours back are all opening hours
    const beat = (over: Parameters<typeof heartbeat>[1]) => t.call(KIOSK_API.heartbeat, { body: heartbeat(t, over) }, { kiosk: token });
    await beat({ rendererCrashes: 0, bootId: 'b1' });
    t.clock.advance(MIN);
    await beat({
      bootId: 'b1',
      rendererCrashes: 3,
      packRollbacks: 1,
      packProblem: 'pack spring@2.0.0 did not start',
      lastInteractionAt: t.clock.now() - 5 * 3_600_000,
      outbox: { depth: 500, bytes: 1, oldestUnsentAgeMs: 90 * MIN, lastSuccessAt: null, shedTotal: 0, quarantinedTotal: 0 },
    });
    await evaluateAlerts(t.hub);
    const kinds = (await openAlerts(t)).map((a) => a.kind).sort();
    expect(kinds).toEqual(['outbox-stale', 'pack-rollback', 'renderer-crashes', 'untouched']);
    expect(hook.got).toHaveLength(4);
    expect(hook.got[0]).toMatchObject({ msgtype: 'text', text: { content: expect.stringMatching(/^【告警】.*\n\[Alert\]/) } });
    await t.close();
  });

  it('keeps an alert the webhook refused, and sends it when the webhook works again', async () => {
    const t = await testHub(await fixture.open());
    const down = await receiver(500);
    await settings(t, { webhookUrl: down.url });
    await t.enrol('kiosk-aaaa-0001');
    t.clock.advance(20 * MIN);
    await evaluateAlerts(t.hub);
    expect(down.got).toHaveLength(1);
    const up = await receiver(200);
    await settings(t, { webhookUrl: up.url });
    await evaluateAlerts(t.hub);
    expect(up.got).toMatchObject([{ state: 'opened', kind: 'offline' }]);
    await evaluateAlerts(t.hub);
    expect(up.got).toHaveLength(1);
    await t.close();
  });
});
