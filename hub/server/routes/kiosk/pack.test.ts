import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSampleKpack } from '../../../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { testHub } from '../../testing/hub-fixture.ts';
import { trustTestKey, uploadPack } from '../../testing/pack-fixture.ts';

let temp: { dir: string; remove: () => Promise<void> };
let kpack: string;
let bytes: Buffer;

beforeAll(async () => {
  temp = await makeTempDir('hub-kiosk-pack-');
  kpack = (await buildSampleKpack(temp.dir)).kpack;
  bytes = await readFile(kpack);
}, 60_000);
afterAll(() => temp.remove());

describeEachDatabase('GET /v1/pack and /v1/pack-files', (fixture) => {
  it('serves the assigned .kpack with a strong ETag, 304 for the one the kiosk has, and resumes with Range', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    await trustTestKey(t);
    const session = await t.admin();
    const kiosk = await t.enrol('kiosk-one-1');
    const pack = (await uploadPack(t, kpack, { session })).json().pack;

    // Nothing published yet: nothing to fetch, the kiosk keeps what it runs.
    const none = await t.call(KIOSK_API.pack, {}, { kiosk });
    expect(none.statusCode).toBe(204);
    expect(none.body).toBe('');
    expect((await t.call(KIOSK_API.pack, {})).statusCode).toBe(401);

    await t.call(CONSOLE_API.createRollout, { body: { pack: pack.id } }, { session });
    const get = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/v1/pack', headers: { authorization: `Bearer ${kiosk}`, ...headers } });
    const whole = await get();
    expect(whole.statusCode).toBe(200);
    expect(whole.headers.etag).toBe(`"${pack.sha256}"`);
    expect(whole.rawPayload.equals(bytes)).toBe(true);

    expect((await get({ 'if-none-match': `"${pack.sha256}"` })).statusCode).toBe(304);
    expect((await get({ 'if-none-match': '"0000"' })).statusCode).toBe(200);

    const rest = await get({ range: 'bytes=100-', 'if-range': `"${pack.sha256}"` });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes 100-${bytes.length - 1}/${bytes.length}`);
    expect(rest.rawPayload.equals(bytes.subarray(100))).toBe(true);
    // The file changed since the part was fetched: the whole file again.
    expect((await get({ range: 'bytes=100-', 'if-range': '"another"' })).statusCode).toBe(200);
    expect((await get({ range: `bytes=${bytes.length + 10}-` })).statusCode).toBe(416);
    await t.close();
  });

  it("serves a published pack's checked files to browser-mode kiosks, and nothing else", { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    await trustTestKey(t);
    const session = await t.admin();
    const pack = (await uploadPack(t, kpack, { session })).json().pack;
    const file = (p: string) => t.app.inject({ method: 'GET', url: `/v1/pack-files/${pack.sha256}/${p}` });
    // Uploaded but not published: not served.
    expect((await file('data/games.json')).statusCode).toBe(404);

    await t.call(CONSOLE_API.createRollout, { body: { pack: pack.id } }, { session });
    const games = await file('data/games.json');
    expect(games.statusCode).toBe(200);
    expect(games.headers['content-type']).toContain('application/json');
    expect(games.headers['cache-control']).toContain('immutable');
    // Opened by itself on the hub's origin (where the console's session lives), a pack file runs nothing.
    expect(games.headers['content-security-policy']).toContain('sandbox');
    expect(JSON.parse(games.body)).toBeTruthy();
    const picture = await file('media/apple.png');
    expect(picture.headers['content-type']).toBe('image/png');

    for (const hostile of ['../archives/x.kpack', '..%2F..%2Fpack-signing-wrap.key', 'data/../../x', '%2e%2e/%2e%2e/x', 'data//games.json', 'missing.json']) {
      const res = await file(hostile);
      expect([400, 404], hostile).toContain(res.statusCode);
      expect(res.json(), hostile).toMatchObject({ error: expect.any(String) });
    }
    expect((await t.app.inject({ method: 'GET', url: `/v1/pack-files/${'0'.repeat(64)}/data/games.json` })).statusCode).toBe(404);
    await t.close();
  });
});
