import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeHostilePacks, type HostileCase } from '../../../../content/lib/testing/hostile-packs.ts';
import { buildSampleKpack } from '../../../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import { CONSOLE_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { testHub, type TestHub } from '../../testing/hub-fixture.ts';
import { signIn, trustTestKey, uploadPack, walk } from '../../testing/pack-fixture.ts';
import { receivePack } from '../../packs/keep-pack.ts';
import { WRAP_KEY_FILE } from '../../packs/signing-key.ts';

let temp: { dir: string; remove: () => Promise<void> };
let good: string;
let other: string;
let cases: HostileCase[];

beforeAll(async () => {
  temp = await makeTempDir('hub-packs-');
  await mkdir(path.join(temp.dir, 'hostile'));
  await mkdir(path.join(temp.dir, 'changed'));
  const hostile = await makeHostilePacks(path.join(temp.dir, 'hostile'));
  cases = hostile.cases;
  good = hostile.good;
  // The same packId and version with another title: other bytes.
  other = (await buildSampleKpack(path.join(temp.dir, 'changed'), { meta: { title: { 'zh-CN': '改过的内容包', en: 'Changed pack' } } })).kpack;
}, 120_000);
afterAll(() => temp.remove());

const PACK_FOLDERS = ['packs/', 'packs/archives/', 'packs/files/', 'packs/staging/'];

/**
 * What the hub's data folder may hold after refusals: what it held before (the signing
 * key's key file among it, made here) and the empty pack folders.
 */
async function dataDirAfterRefusals(t: TestHub): Promise<string[]> {
  await t.call(CONSOLE_API.packKeys, {}, { session: await t.admin() });
  const before = await walk(t.hub.options.dataDir);
  expect(before).toContain(WRAP_KEY_FILE);
  return [...new Set([...before, ...PACK_FOLDERS])].sort();
}

describeEachDatabase('POST /api/packs', (fixture) => {
  it('keeps a good pack, lists it, takes the same file again quietly and refuses other bytes under the same version', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const session = await signIn(t, 'mei', 'merchandiser');
    await trustTestKey(t);
    const res = await uploadPack(t, good, { session });
    expect(res.statusCode, res.body).toBe(200);
    const { pack, alreadyUploaded } = res.json();
    expect(alreadyUploaded).toBe(false);
    expect(pack).toMatchObject({ packId: 'sample', version: '1.0.0', title: { zh: '示例内容包', en: 'Sample pack' }, signedBy: 'test key', uploadedBy: 'user:mei', productCount: 3, published: false });
    expect(pack.bytes).toBe((await readFile(good)).length);

    const listed = await t.call(CONSOLE_API.packLibrary, {}, { session });
    expect(listed.json().packs.map((p: { id: string }) => p.id)).toEqual([pack.id]);
    const files = await walk(t.hub.options.packDir);
    expect(files).toContain(`archives/${pack.sha256}.kpack`);
    expect(files).toContain(`files/${pack.sha256}/catalog/index.json`);
    expect(files.filter((f) => f.startsWith('staging/'))).toEqual(['staging/']);
    const detail = await t.call(CONSOLE_API.pack, { params: { id: pack.id } }, { session });
    expect(detail.json().files).toContainEqual(expect.objectContaining({ path: 'media/apple.png' }));

    const again = await uploadPack(t, good, { session });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ alreadyUploaded: true, pack: { id: pack.id } });

    const clash = await uploadPack(t, other, { session });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatch(/sample version 1\.0\.0 is already on the hub with different content.*new version/);
    expect((await walk(t.hub.options.packDir)).filter((f) => f.startsWith('archives/'))).toEqual(['archives/', `archives/${pack.sha256}.kpack`]);

    const audit = await t.call(CONSOLE_API.audit, {}, { session: await t.admin() });
    expect(audit.json().entries).toContainEqual(expect.objectContaining({ action: 'pack.uploaded', actor: 'user:mei', target: 'sample@1.0.0' }));
    await t.close();
  });

  it('refuses a pack signed with a key the hub does not trust, with the report a merchandiser reads', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const expected = await dataDirAfterRefusals(t);
    const res = await uploadPack(t, good, { session });
    expect(res.statusCode).toBe(422);
    const failure = res.json();
    expect(failure).toMatchObject({ ok: false, code: 'unknown-key', message: { zh: expect.stringContaining('信任列表'), en: expect.stringContaining('does not trust') } });
    expect(failure.report).toContain('How to fix');
    expect(await walk(t.hub.options.dataDir)).toEqual(expected);
    await t.close();
  });

  it('refuses every hostile archive with the code a kiosk reports, and writes nothing outside staging', { timeout: 180_000 }, async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    await trustTestKey(t);
    const expected = await dataDirAfterRefusals(t);
    // Cases whose refusal depends on a kiosk's own settings (its store, its limits, its clock) are the kiosk's to test.
    const hubCases = cases.filter((c) => !c.options || c.code === 'expired');
    expect(hubCases.length).toBeGreaterThan(20);
    for (const c of hubCases) {
      const res = await uploadPack(t, c.file, { session });
      expect(res.statusCode, c.name).toBe(422);
      expect(res.json().code, c.name).toBe(c.code);
      expect(await walk(t.hub.options.dataDir), c.name).toEqual(expected);
    }
    // Nothing landed beside the data folder either (zip-slip aims at "../evil").
    expect(await walk(path.dirname(t.hub.options.dataDir)).then((all) => all.filter((f) => /(^|\/)evil/.test(f)))).toEqual([]);
    const schema = await uploadPack(t, cases.find((c) => c.name === 'a record breaks the schema')!.file, { session });
    expect(schema.json().problems[0]).toMatchObject({ file: 'data/games.json', field: expect.stringContaining('durationSec'), message: { zh: expect.any(String), en: expect.any(String) } });
    await t.close();
  });

  it('refuses an upload over the limit before reading it, and one that is not a file', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/packs',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/octet-stream', 'content-length': String(3 * 1024 ** 3) },
      payload: Buffer.alloc(10),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('too-large');
    const json = await t.call(CONSOLE_API.uploadPack, {}, { session });
    expect(json.statusCode).toBe(415);
    expect(await walk(path.join(t.hub.options.packDir, 'staging'))).toEqual([]);
    await t.close();
  });

  it('gives up an upload that stops sending or passes the limit, and leaves nothing in staging', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const body = new PassThrough();
    body.write(Buffer.alloc(1000));
    await expect(receivePack(t.hub, body, { declaredBytes: null, actor: 'user:admin', stallMs: 100 })).rejects.toMatchObject({ status: 408, code: 'upload-stalled' });
    expect(await walk(path.join(t.hub.options.packDir, 'staging'))).toEqual([]);
    // Sent without a length (chunked): cut as soon as it passes the limit.
    const endless = new PassThrough();
    endless.write(Buffer.alloc(4000));
    await expect(receivePack(t.hub, endless, { declaredBytes: null, actor: 'user:admin', limit: 1000 })).rejects.toMatchObject({ status: 413, code: 'too-large' });
    expect(await walk(path.join(t.hub.options.packDir, 'staging'))).toEqual([]);
    await t.close();
  });

  it('lets a script upload with a personal access token until it is revoked; other roles and routes are refused', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    await trustTestKey(t);
    const session = await signIn(t, 'mei', 'merchandiser');
    const made = await t.call(CONSOLE_API.createAccessToken, { body: { name: 'laptop' } }, { session });
    expect(made.statusCode).toBe(200);
    const { secret, token } = made.json();
    expect(secret).toMatch(/^pt_/);
    expect((await t.call(CONSOLE_API.accessTokens, {}, { session })).body).not.toContain(secret.slice(16));

    const res = await uploadPack(t, good, { bearer: secret });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().pack.uploadedBy).toBe(`user:mei (token ${token.id})`);
    const listed = await t.call(CONSOLE_API.accessTokens, {}, { session });
    expect(listed.json().tokens[0].lastUsedAt).toBe(t.clock.now());
    // A token is for packs only: not for the rest of the console.
    expect((await t.call(CONSOLE_API.users, {}, { bearer: secret })).statusCode).toBe(401);
    expect((await t.call(CONSOLE_API.createRollout, { body: { pack: res.json().pack.id } }, { bearer: secret })).statusCode).toBe(401);

    expect((await t.call(CONSOLE_API.revokeAccessToken, { params: { id: token.id } }, { session })).json().revoked).toBe(true);
    const after = await uploadPack(t, good, { bearer: secret });
    expect(after.statusCode).toBe(401);
    expect((await uploadPack(t, good, { bearer: `${secret.slice(0, -2)}xx` })).statusCode).toBe(401);

    const analyst = await signIn(t, 'ana', 'analyst');
    expect((await uploadPack(t, good, { session: analyst })).statusCode).toBe(403);
    const actions = (await t.call(CONSOLE_API.audit, {}, { session: await t.admin() })).json().entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['access-token.created', 'access-token.revoked']));
    await t.close();
  });

  it("trusts keys an admin adds (never one whose id is not its own), and keeps the hub's own key", { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const session = await t.admin();
    const keys = (await t.call(CONSOLE_API.packKeys, {}, { session })).json().keys;
    expect(keys).toEqual([expect.objectContaining({ source: 'hub', name: 'Shopfront hub' })]);
    const hubKey = keys[0];
    expect((await t.call(CONSOLE_API.removePackKey, { params: { keyId: hubKey.keyId } }, { session })).statusCode).toBe(409);
    const forged = await t.call(CONSOLE_API.addPackKey, { body: { name: 'forged', keyId: '0123456789abcdef', publicKey: hubKey.publicKey } }, { session });
    expect(forged.statusCode).toBe(400);
    await trustTestKey(t);
    expect((await uploadPack(t, good, { session })).statusCode).toBe(200);
    const added = (await t.call(CONSOLE_API.packKeys, {}, { session })).json().keys.find((k: { source: string }) => k.source === 'added');
    expect((await t.call(CONSOLE_API.removePackKey, { params: { keyId: added.keyId } }, { session })).statusCode).toBe(200);
    const merch = await signIn(t, 'mei', 'merchandiser');
    expect((await t.call(CONSOLE_API.addPackKey, { body: { name: added.name, keyId: added.keyId, publicKey: added.publicKey } }, { session: merch })).statusCode).toBe(403);
    await t.close();
  });
});
