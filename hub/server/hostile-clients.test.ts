// Bad input and hostile clients against a listening hub: every case gets a 4xx with a
// JSON sentence (or the socket closed for a request Node cannot even read), never a 500
// or a crash, and the hub is still serving afterwards.
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../store/testing/each-database.ts';
import { startHub, type RunningHub } from './start-hub.ts';
import { authHeaders, track } from './testing/hub-fixture.ts';
import { createEnrolmentSecret } from '../store/queries/enrolment.ts';
import { enrolmentSecretHash } from './auth/secrets.ts';

const running: RunningHub[] = [];
afterEach(async () => Promise.all(running.splice(0).map((h) => h.close())));

async function hubWithKiosk(options: { dataDir?: string; url?: string }) {
  const hub = await startHub({ port: 0, dataDir: options.dataDir, databaseUrl: options.url, logger: false, jobs: false, options: { consoleDir: null } });
  running.push(hub);
  const now = Date.now();
  await createEnrolmentSecret(hub.store, { kind: 'token', secretHash: enrolmentSecretHash('et_hostile-test-token-0000000000'), storeId: 'sh-001', kioskName: null, createdBy: 'test', now, expiresAt: now + 3_600_000 });
  const res = await fetch(`${hub.url}/v1/enrol`, {
    method: 'POST',
    headers: { ...authHeaders({ bearer: 'et_hostile-test-token-0000000000' }), 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: 'kiosk-aaaa-0001', appVersion: '0.1.0', platform: 'linux', couponKey: null }),
  });
  const { token } = (await res.json()) as { token: string };
  return { hub, token };
}

/** Writes raw bytes to the hub and returns whatever comes back before the socket closes (or a whole answer arrived). */
function raw(url: string, bytes: string | Buffer, waitMs = 2000): Promise<string> {
  const { port, hostname } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let got = '';
    socket.on('data', (d) => {
      got += d.toString('latin1');
      const length = /content-length: (\d+)/i.exec(got)?.[1];
      const bodyAt = got.indexOf('\r\n\r\n');
      if (length && bodyAt >= 0 && got.length >= bodyAt + 4 + Number(length)) socket.destroy();
    });
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
    socket.write(bytes);
    setTimeout(() => socket.destroy(), waitMs);
  });
}

async function stillServing(hub: RunningHub, token: string) {
  const res = await fetch(`${hub.url}/v1/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ batch: [track('kiosk-aaaa-0001', Math.floor(Math.random() * 1e9))] }),
  });
  expect(res.status).toBe(200);
}

describeEachDatabase('hostile clients', (fixture) => {
  it('answers malformed request lines, bad escapes and oversized headers with 4xx, and keeps serving', async () => {
    await fixture.open();
    const { hub, token } = await hubWithKiosk(fixture.reopenOptions());
    expect(await raw(hub.url, 'GARBAGE / NOT-HTTP\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(hub.url, 'GET /\x00\x01 HTTP/1.1\r\nHost: x\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(hub.url, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    const badEscape = await fetch(`${hub.url}/api/kiosks/%E0%A4%A`);
    expect(badEscape.status).toBeGreaterThanOrEqual(400);
    expect(badEscape.status).toBeLessThan(500);
    const traversal = await fetch(`${hub.url}/console/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBeLessThan(500);
    await stillServing(hub, token);
  });

  it('refuses a body without a credential before reading it: 10 MB are not waited for', async () => {
    await fixture.open();
    const { hub, token } = await hubWithKiosk(fixture.reopenOptions());
    const head = `POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n{"batch":[`;
    const started = Date.now();
    const answer = await raw(hub.url, head, 4000);
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('"code":"unauthorised"');
    expect(Date.now() - started).toBeLessThan(2000);
    await stillServing(hub, token);
  });

  it('answers wrong content types, broken JSON, prototype pollution and deep nesting with a clear 4xx; one deep event is rejected alone', async () => {
    await fixture.open();
    const { hub, token } = await hubWithKiosk(fixture.reopenOptions());
    const post = (body: string | Buffer, headers: Record<string, string>) => fetch(`${hub.url}/v1/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body });
    const text = await post('batch', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ code: 'unsupported-media-type' });
    const broken = await post('{"batch":[', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'bad-request', error: expect.any(String) });
    const proto = await post('{"batch":[],"__proto__":{"admin":true}}', { 'content-type': 'application/json' });
    expect(proto.status).toBe(400);
    const notGzip = await post('not gzip at all', { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(notGzip.status).toBe(400);
    const deep = `{"type":"track","messageId":"deep-1","anonymousId":"a","event":"Screen Viewed","properties":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const body = gzipSync(`{"batch":[${deep},${JSON.stringify(track('kiosk-aaaa-0001', 7))}]}`);
    const mixed = await post(body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(mixed.status).toBe(200);
    expect(((await mixed.json()) as { results: unknown[] }).results).toEqual([
      { messageId: 'deep-1', status: 'rejected', reason: 'message is nested too deeply to store' },
      { messageId: 'kiosk-aaaa-0001-7', status: 'accepted' },
    ]);
    const console = await fetch(`${hub.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":${'['.repeat(50_000)}${']'.repeat(50_000)},"password":"x"}` });
    expect(console.status).toBeGreaterThanOrEqual(400);
    expect(console.status).toBeLessThan(500);
    await stillServing(hub, token);
  });

  it('answers 503 with Retry-After while the database is gone, and takes the events once it is back', async ({ skip }) => {
    await fixture.open();
    const options = fixture.reopenOptions();
    if (!options.url) return skip('SQLite is a file inside the hub process; a database that goes away is a PostgreSQL server');
    const db = new URL(options.url);
    const proxy = await tcpProxy(Number(db.port));
    db.port = String(proxy.port);
    const { hub, token } = await hubWithKiosk({ url: db.href });
    await proxy.down();
    const post = () => fetch(`${hub.url}/v1/batch`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ batch: [track('kiosk-aaaa-0001', 1)] }) });
    const res = await post();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(await res.json()).toMatchObject({ code: 'unavailable' });
    await proxy.up();
    const back = await post();
    expect(back.status).toBe(200);
    expect(((await back.json()) as { results: { status: string }[] }).results).toEqual([{ messageId: 'kiosk-aaaa-0001-1', status: 'accepted' }]);
    await running.pop()!.close();
    await proxy.close();
  }, 30_000);
});

/** A TCP proxy to PostgreSQL that can drop every connection and refuse new ones, then come back. */
async function tcpProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    async down() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    async up() {
      refusing = false;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      }),
  };
}
