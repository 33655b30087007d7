import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackStore } from '../store/pack-store.ts';
import { startPackServer, type PackServer } from '../testing/pack-server.ts';
import { buildSampleKpack, trustedTestKeys } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { createUpdatePoller, type UpdatePollerOptions } from './update-poller.ts';

/** Deep-comparing megabytes element by element is slow; compare digests. */
const digests = (buffers: Buffer[]) => buffers.map((b) => createHash('sha256').update(b).digest('hex'));

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let server: PackServer;
beforeEach(async () => {
  tmp = await makeTempDir('kiosk-poll-');
  server = await startPackServer();
});
afterEach(async () => {
  await server.close();
  await tmp.remove();
});

function poller(received: Buffer[], overrides: Partial<UpdatePollerOptions> = {}) {
  return createUpdatePoller({
    url: server.url,
    workDir: path.join(tmp.dir, 'updates'),
    intervalMs: 300_000,
    retryBaseMs: 1000,
    random: () => 1,
    onPack: async (file) => {
      received.push(await readFile(file));
    },
    ...overrides,
  });
}

describe('polling a URL for packs', () => {
  it('downloads a new pack once, then asks with If-None-Match and gets 304', async () => {
    const v1 = randomBytes(300_000);
    server.serve(v1, '"v1"');
    const received: Buffer[] = [];
    const p = poller(received);
    expect(await p.pollOnce()).toMatchObject({ kind: 'imported', bytes: 300_000, resumed: false });
    expect(await p.pollOnce()).toEqual({ kind: 'not-modified' });
    expect(digests(received)).toEqual(digests([v1]));
    expect(server.requests.map((h) => h['if-none-match'])).toEqual([undefined, '"v1"']);
  });

  it('resumes a dropped download with Range and If-Range, and hands over the whole file', async () => {
    const v2 = randomBytes(2_000_000);
    server.serve(v2, '"v2"');
    const received: Buffer[] = [];
    const p = poller(received);
    server.next('drop-halfway');
    const dropped = await p.pollOnce();
    expect(dropped).toMatchObject({ kind: 'failed' });
    const partial = (await stat(path.join(tmp.dir, 'updates', 'download.kpack.part'))).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(v2.length);
    expect(await p.pollOnce()).toMatchObject({ kind: 'imported', resumed: true, bytes: v2.length });
    expect(server.requests[1]).toMatchObject({ range: `bytes=${partial}-`, 'if-range': '"v2"' });
    expect(digests(received)).toEqual(digests([v2]));
  });

  it('starts again when the file changed on the server between attempts', async () => {
    server.serve(randomBytes(1_000_000), '"v2"');
    const received: Buffer[] = [];
    const p = poller(received);
    server.next('drop-halfway');
    await p.pollOnce();
    const v3 = randomBytes(500_000);
    server.serve(v3, '"v3"');
    expect(await p.pollOnce()).toMatchObject({ kind: 'imported', resumed: false });
    expect(digests(received)).toEqual(digests([v3]));
  });

  it('backs off after a server error, honouring Retry-After', async () => {
    server.serve(randomBytes(1000), '"v1"');
    const p = poller([], { retryBaseMs: 100 });
    server.next('error-500');
    const outcome = await p.pollOnce();
    expect(outcome).toMatchObject({ kind: 'failed', retryInMs: 2000 });
    expect(await p.pollOnce()).toMatchObject({ kind: 'imported' });
  });

  it('backs off with full jitter, its ceiling doubling from retryBaseMs up to the interval, and starts over after a success', async () => {
    server.serve(randomBytes(1000), '"v1"');
    let down = true;
    const p = poller([], {
      retryBaseMs: 1000,
      intervalMs: 3000,
      random: () => 0.5,
      fetch: (input, init) => (down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    const retryIn = async () => {
      const outcome = await p.pollOnce();
      return outcome.kind === 'failed' ? outcome.retryInMs : outcome.kind;
    };
    expect([await retryIn(), await retryIn(), await retryIn(), await retryIn()]).toEqual([500, 1000, 1500, 1500]);
    down = false;
    expect(await retryIn()).toBe('imported');
    down = true;
    expect(await retryIn()).toBe(500);
  });

  it('does not fetch a refused pack again until the server has another one', async () => {
    server.serve(randomBytes(1000), '"bad"');
    let calls = 0;
    const p = poller([], {
      onPack: async () => {
        calls++;
        throw new Error('refused');
      },
    });
    expect(await p.pollOnce()).toMatchObject({ kind: 'refused' });
    expect(await p.pollOnce()).toEqual({ kind: 'not-modified' });
    expect(calls).toBe(1);
  });

  it('refuses a download larger than its limit', async () => {
    server.serve(randomBytes(100_000), '"big"');
    expect(await poller([], { maxBytes: 10_000 }).pollOnce()).toMatchObject({ kind: 'failed' });
  });

  it('feeds a real pack into a PackStore', async () => {
    const { kpack } = await buildSampleKpack(path.join(tmp.dir, 'build'));
    server.serve(await readFile(kpack), '"sample-1"');
    const store = await PackStore.open(path.join(tmp.dir, 'store'));
    const p = createUpdatePoller({
      url: server.url,
      workDir: path.join(tmp.dir, 'updates'),
      intervalMs: 60_000,
      onPack: async (file) => {
        const staged = await store.stage(file, { trustedKeys: await trustedTestKeys(), kiosk: { storeId: 'store-1' } });
        await store.activate(staged.dir);
      },
    });
    const outcomes: string[] = [];
    await new Promise<void>((resolve) => p.start((o) => (outcomes.push(o.kind), resolve())));
    await p.stop();
    expect(outcomes).toEqual(['imported']);
    expect(store.active()).toMatchObject({ packId: 'sample', version: '1.0.0' });
  });
});
