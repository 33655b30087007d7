// The hub asks a kiosk for the last lines of its log, and the console gets them: the real
// hub (its commands routes and store), main's real hub agent and command executors, and
// a real log file written by the kiosk's logger, redaction included.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { CONSOLE_API } from '../../content/schema/hub-api/index.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../content/schema/kiosk-config.ts';
import { newRendererReports } from '../../electron/common/hub-agent/heartbeat-body.ts';
import type { SecretBox } from '../../electron/main/coupon-keys.ts';
import { createMainHub } from '../../electron/main/hub-host.ts';
import { lastLogLines, openKioskLog } from '../../electron/main/logging/index.ts';
import { describeEachDatabase } from '../../hub/store/testing/each-database.ts';
import { testHub } from '../../hub/server/testing/hub-fixture.ts';

const box: SecretBox = {
  isAvailable: async () => true,
  backend: () => 'gnome_libsecret',
  encrypt: async (plain) => Buffer.from(plain).reverse(),
  decrypt: async (data) => ({ plain: Buffer.from(data).reverse().toString(), reEncrypt: false }),
};

/** The kiosk's HTTP client, answered by the hub in this process (app.inject: no network). */
function fetchThrough(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = init?.body;
    const answer = app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      ...(body !== undefined && body !== null ? { payload: typeof body === 'string' ? body : Buffer.from(body as Uint8Array) } : {}),
    });
    const signal = init?.signal;
    const res = await (signal
      ? Promise.race([answer, new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))])
      : answer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, String(value));
    return new Response(res.statusCode === 204 || res.statusCode === 304 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}

describeEachDatabase('the logs command', (fixture) => {
  it('brings the last lines of the kiosk’s log file to the console, redacted', { timeout: 30_000 }, async () => {
    const t = await testHub(await fixture.open());
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-logs-cmd-'));
    const log = openKioskLog({ dir: path.join(dataDir, 'logs'), level: 'info', maxFileMb: 1, files: 3, stdoutLevel: null });
    const session = await t.admin();
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/enrolment',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      payload: { kind: 'token', storeId: 'sh-001', kioskName: 'Window 1' },
    });
    const { secret } = made.json() as { secret: string };

    const reports = newRendererReports();
    const hub = createMainHub({
      config: { ...DEFAULT_KIOSK_CONFIG, hub: { ...DEFAULT_KIOSK_CONFIG.hub, url: 'http://hub.test', enrolmentToken: secret, commandWaitSec: 5 } },
      identity: { deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab', bootId: 'boot-1', storeId: 'sh-001', kioskName: 'Window 1' },
      appVersion: '1.2.0',
      dataDir,
      box,
      couponKey: () => null,
      reports,
      facts: () => ({ uptimeSec: 42, pack: null, packProblem: null, rendererRestarts: 0, rendererCrashes: 0, packRollbacks: 0, update: null }),
      commands: {
        session: () => reports.session,
        capturePage: async () => null,
        reload: () => undefined,
        restart: () => undefined,
        sendHostCommand: () => undefined,
        outboxDepth: () => null,
        checkPack: async () => null,
        logLines: (count) => lastLogLines(log.dir, count),
      },
      log: (line) => log.child('hub').info(line),
      onStatus: () => undefined,
      fetch: fetchThrough(t.app),
    });
    try {
      // What the kiosk logged: ordinary lines, and a scan whose code must not leave it.
      for (let i = 0; i < 40; i++) log.child('packs').info(`pack poll ${i}: nothing new`);
      log.child('scan').info('Barcode Scanned', { code: '6901234567892', source: 'camera' });
      log.child('renderer').error('unhandled rejection: no product for 6901234567892');

      void hub.agent.start();
      await expect.poll(() => hub.agent.status().state, { timeout: 10_000 }).toBe('enrolled');

      const sent = await t.call(CONSOLE_API.sendCommand, { body: { kind: 'logs', lines: 5, target: { deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab' }, expiresInMin: 15 } }, { session });
      expect(sent.statusCode).toBe(200);
      const id = (sent.json() as { commands: { id: string }[] }).commands[0]!.id;

      const commandRow = async () =>
        ((await t.call(CONSOLE_API.commandsList, { query: { deviceId: '0b7f4f7e-8a3c-4d1e-9f00-1234567890ab' } }, { session })).json() as { commands: { id: string; state: string; message: string | null; log?: unknown }[] }).commands.find((c) => c.id === id);
      await expect.poll(async () => (await commandRow())?.state, { timeout: 15_000 }).toBe('done');
      expect(await commandRow()).toMatchObject({ message: "The last 5 lines of the kiosk's log.", log: { wanted: 5, received: 5 } });

      const text = await t.app.inject({ method: 'GET', url: `/api/commands/${id}/log`, headers: { cookie: session.cookie } });
      expect(text.statusCode).toBe(200);
      expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
      const lines = text.body.trimEnd().split('\n');
      // The log file's own last lines at the moment the kiosk answered (it logs the command only after).
      const fileLines = await lastLogLines(log.dir, 60);
      const at = fileLines.indexOf(lines[0]!);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(fileLines.slice(at, at + 5)).toEqual(lines);
      const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages).toContain('Barcode Scanned');
      expect(messages).toContain('unhandled rejection: no product for [digits]');
      expect(text.body).not.toContain('6901234567892');

      // Someone without a session does not get them.
      expect((await t.app.inject({ method: 'GET', url: `/api/commands/${id}/log` })).statusCode).toBe(401);
    } finally {
      await hub.agent.stop();
      await log.close();
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
