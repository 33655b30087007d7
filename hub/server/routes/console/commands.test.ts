import http from 'node:http';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { expect, it } from 'vitest';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { holdFirstRead } from '../../../store/testing/hold-read.ts';
import { testHub } from '../../testing/hub-fixture.ts';
import { COMMAND_LEASE_MS } from '../kiosk/commands.ts';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

describeEachDatabase('remote commands', (fixture, kind) => {
  it('a command made while the waiting kiosk is reading its commands still wakes it at once', async () => {
    const store = await fixture.open();
    const hold = holdFirstRead('commands'); // a kiosk's poll caught between reading and waiting
    const t = await testHub({ ...store, db: store.db.withPlugin(hold.plugin) });
    const token = await t.enrol('kiosk-aaaa-0001');
    const session = await t.admin();
    const started = Date.now();
    const poll = t.call(KIOSK_API.commands, { query: { waitSec: 30 } }, { kiosk: token });
    // The poll has read "nothing for you" and not yet gone to wait when the command is made.
    await hold.reached;
    const sending = t.call(CONSOLE_API.sendCommand, { body: { kind: 'reload', target: { deviceId: 'kiosk-aaaa-0001' }, expiresInMin: 15 } }, { session });
    // PostgreSQL: made and announced while the read is held. SQLite has one connection, which
    // the read's transaction holds: there the command is made as soon as the read ends.
    if (kind === 'postgres') await sending;
    hold.release();
    const sent = await sending;
    const [command] = (await poll).json().commands;
    expect(command).toMatchObject({ kind: 'reload', id: sent.json().commands[0].id });
    // Not at the end of its 30 s wait.
    expect(Date.now() - started).toBeLessThan(20_000);
    await t.close();
  }, 40_000);

  it('a poll whose read fails (the database gone) answers 503 and leaves no waiter behind', async () => {
    const store = await fixture.open();
    let failing = false;
    const reads = new WeakSet<object>();
    const failReads: KyselyPlugin = {
      transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
        if (failing && node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"commands"')) reads.add(queryId);
        return node;
      },
      async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        if (reads.has(queryId)) throw Object.assign(new Error('connection terminated'), { code: '57P01' });
        return result;
      },
    };
    const t = await testHub({ ...store, db: store.db.withPlugin(failReads) });
    const token = await t.enrol('kiosk-aaaa-0001');
    failing = true;
    const res = await t.call(KIOSK_API.commands, { query: { waitSec: 30 } }, { kiosk: token });
    expect(res.statusCode).toBe(503);
    expect(t.hub.waiters.size()).toBe(0);
    await t.close();
  });

  it('a kiosk that goes away mid-poll leaves no waiter behind', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const poll = http.get(`${address}/v1/commands?waitSec=30`, { headers: { authorization: `Bearer ${token}` } });
    poll.on('error', () => {}); // destroyed below
    await expect.poll(() => t.hub.waiters.size(), { timeout: 10_000 }).toBe(1);
    poll.destroy();
    await expect.poll(() => t.hub.waiters.size(), { timeout: 5_000 }).toBe(0);
    await t.close();
  });

  it('a screenshot goes from the console to the waiting kiosk at once, and its image comes back to the console', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const session = await t.admin();
    // The kiosk is already waiting when the command is made.
    const poll = t.call(KIOSK_API.commands, { query: { waitSec: 30 } }, { kiosk: token });
    await new Promise((r) => setTimeout(r, 50));
    const sent = await t.call(CONSOLE_API.sendCommand, { body: { kind: 'screenshot', target: { deviceId: 'kiosk-aaaa-0001' }, expiresInMin: 15 } }, { session });
    expect(sent.statusCode).toBe(200);
    const answer = (await poll).json();
    const [command] = answer.commands;
    expect(command).toMatchObject({ kind: 'screenshot', id: sent.json().commands[0].id });
    // With the hub's own time, by which the kiosk judges the command's expiry.
    expect(answer.serverTime).toBe(t.clock.now());
    const result = await t.call(KIOSK_API.commandResult, { params: { id: command.id }, body: { ok: true, message: 'screenshot taken', screenshot: { mime: 'image/jpeg', width: 540, height: 960, base64: JPEG.toString('base64') } } }, { kiosk: token });
    expect(result.json()).toEqual({ recorded: true });
    const again = await t.call(KIOSK_API.commandResult, { params: { id: command.id }, body: { ok: true, message: 'screenshot taken' } }, { kiosk: token });
    expect(again.json()).toEqual({ recorded: false });
    const list = (await t.call(CONSOLE_API.commandsList, { query: { deviceId: 'kiosk-aaaa-0001' } }, { session })).json().commands;
    expect(list).toMatchObject([{ id: command.id, state: 'done', message: 'screenshot taken', screenshot: { width: 540, height: 960 } }]);
    const image = await t.app.inject({ method: 'GET', url: `/api/commands/${command.id}/screenshot`, headers: { cookie: session.cookie } });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.rawPayload.equals(JPEG)).toBe(true);
    await t.close();
  });

  it('hands a command out again when no result came within its lease, and lets it lapse when not run in time', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const session = await t.admin();
    await t.call(CONSOLE_API.sendCommand, { body: { kind: 'reload', target: { deviceId: 'kiosk-aaaa-0001' }, expiresInMin: 5 } }, { session });
    const take = async () => (await t.call(KIOSK_API.commands, { query: { waitSec: 0 } }, { kiosk: token })).json().commands as { id: string }[];
    const first = await take();
    expect(first).toHaveLength(1);
    expect(await take()).toEqual([]);
    t.clock.advance(COMMAND_LEASE_MS);
    expect((await take()).map((c) => c.id)).toEqual(first.map((c) => c.id));
    t.clock.advance(5 * 60_000);
    expect(await take()).toEqual([]);
    const list = (await t.call(CONSOLE_API.commandsList, { query: {} }, { session })).json().commands;
    expect(list).toMatchObject([{ state: 'expired' }]);
    await t.close();
  });

  it('sends to every enrolled kiosk of a store, and says so in the audit log', async () => {
    const t = await testHub(await fixture.open());
    await t.enrol('kiosk-aaaa-0001', 'sh-001');
    await t.enrol('kiosk-bbbb-0002', 'sh-001');
    await t.enrol('kiosk-cccc-0003', 'sh-002');
    const session = await t.admin();
    const sent = await t.call(CONSOLE_API.sendCommand, { body: { kind: 'upload-events', target: { storeId: 'sh-001' }, expiresInMin: 15 } }, { session });
    expect(sent.json().commands.map((c: { deviceId: string }) => c.deviceId).sort()).toEqual(['kiosk-aaaa-0001', 'kiosk-bbbb-0002']);
    const audit = (await t.call(CONSOLE_API.audit, { query: { limit: 100 } }, { session })).json().entries as { action: string; target: string }[];
    expect(audit.filter((e) => e.action === 'command.sent').map((e) => e.target).sort()).toEqual(['kiosk-aaaa-0001', 'kiosk-bbbb-0002']);
    await t.close();
  });

  it("refuses a result that is not a JPEG, or for another kiosk's command", async () => {
    const t = await testHub(await fixture.open());
    const a = await t.enrol('kiosk-aaaa-0001');
    const b = await t.enrol('kiosk-bbbb-0002');
    const session = await t.admin();
    const [cmd] = (await t.call(CONSOLE_API.sendCommand, { body: { kind: 'screenshot', target: { deviceId: 'kiosk-aaaa-0001' }, expiresInMin: 5 } }, { session })).json().commands;
    const notJpeg = await t.call(KIOSK_API.commandResult, { params: { id: cmd.id }, body: { ok: true, message: 'x', screenshot: { mime: 'image/jpeg', width: 1, height: 1, base64: Buffer.from('<svg/>').toString('base64') } } }, { kiosk: a });
    expect(notJpeg.statusCode).toBe(400);
    expect((await t.call(KIOSK_API.commandResult, { params: { id: cmd.id }, body: { ok: true, message: 'x' } }, { kiosk: b })).statusCode).toBe(404);
    await t.close();
  });
});
