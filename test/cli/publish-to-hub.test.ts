// `kiosk-pack publish` against the real hub (in-process, listening on a port): the
// bundled tool uploads with a merchandiser's access token, the hub checks the pack with
// the kiosk's import and keeps it; a refusal is printed exactly as `kiosk-pack verify`
// prints the same refusal; a revoked token is told apart from a refused pack.
import type { AddressInfo } from 'node:net';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { bundledKioskPack, CLEAN_ENV, runProgram } from '../../content/cli/testing/cli-bundle.ts';
import { CONSOLE_API } from '../../content/schema/hub-api/index.ts';
import { openStore } from '../../hub/store/open-store.ts';
import { testHub, type TestHub } from '../../hub/server/testing/hub-fixture.ts';
import { signIn } from '../../hub/server/testing/pack-fixture.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let bin: string;
let work: string;
let t: TestHub;
let hubUrl: string;
let token: { id: string; secret: string };
let session: Awaited<ReturnType<typeof signIn>>;

const kioskPack = (...args: string[]) => runProgram(process.execPath, [bin, ...args], { cwd: work, env: { ...CLEAN_ENV } });

beforeAll(async () => {
  tmp = await makeTempDir('kiosk-publish-');
  bin = await bundledKioskPack(path.join(tmp.dir, 'package'));
  work = path.join(tmp.dir, 'work');
  await mkdir(path.join(tmp.dir, 'db'), { recursive: true });
  await mkdir(work);
  t = await testHub(await openStore({ dataDir: path.join(tmp.dir, 'db') }));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  hubUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  session = await signIn(t, 'mei', 'merchandiser');
  const made = (await t.call(CONSOLE_API.createAccessToken, { body: { name: 'laptop' } }, { session })).json() as { secret: string; token: { id: string } };
  token = { id: made.token.id, secret: made.secret };

  // The merchandiser's pack, signed with a key the hub is told to trust, and the same pack
  // signed with a key it does not know.
  for (const args of [
    ['init', 'shop'],
    ['keygen', '--out', 'key.json'],
    ['keygen', '--out', 'stranger.json', '--public', 'stranger-public.json'],
    ['build', 'shop', '--key', 'key.json', '--out', 'shop.kpack'],
    ['sign', 'shop.kpack', '--key', 'stranger.json', '--out', 'stranger.kpack'],
  ]) {
    const ran = await kioskPack(...args);
    if (ran.code !== 0) throw new Error(`${args.join(' ')}: ${ran.stdout}${ran.stderr}`);
  }
  const trusted = await t.call(CONSOLE_API.addPackKey, { body: JSON.parse(await readFile(path.join(work, 'public-key.json'), 'utf8')) }, { session: await t.admin() });
  if (trusted.statusCode !== 200) throw new Error(trusted.body);
}, 240_000);

afterAll(async () => {
  await t?.close();
  await tmp?.remove();
});

describe('kiosk-pack publish to the hub', { timeout: 120_000 }, () => {
  it('uploads with the token, and prints the pack as the hub keeps it', async () => {
    const ran = await kioskPack('publish', 'shop.kpack', '--hub', hubUrl, '--token', token.secret);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain('✓ 中心已接收并检查通过：my-store 1.0.0\n✓ The hub accepted and checked my-store 1.0.0');
    const listed = (await t.call(CONSOLE_API.packLibrary, {}, { session })).json() as { packs: { id: string; sha256: string; uploadedBy: string }[] };
    expect(listed.packs).toHaveLength(1);
    expect(listed.packs[0]!.uploadedBy).toBe(`user:mei (token ${token.id})`);
    expect(ran.stdout).toContain(`id        ${listed.packs[0]!.id}`);
    expect(ran.stdout).toContain(`sha256    ${listed.packs[0]!.sha256}`);

    // Again, from the environment: the hub already has it.
    const again = await runProgram(process.execPath, [bin, 'publish', 'shop.kpack'], { cwd: work, env: { ...CLEAN_ENV, KIOSK_PACK_HUB: hubUrl, KIOSK_PACK_TOKEN: token.secret } });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('the hub already had this pack (the same file)');
  });

  it("prints the hub's refusal exactly as verify prints the same refusal", async () => {
    const published = await kioskPack('publish', 'stranger.kpack', '--hub', hubUrl, '--token', token.secret);
    expect(published.code).toBe(1);
    const verified = await kioskPack('verify', 'stranger.kpack', '--trusted', 'public-key.json');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('✗ [unknown-key]');
    expect(published.stdout).toBe(verified.stdout);
  });

  it('says what to do when the token is wrong or revoked, and when the hub cannot be reached', async () => {
    expect((await t.call(CONSOLE_API.revokeAccessToken, { params: { id: token.id } }, { session })).statusCode).toBe(200);
    const revoked = await kioskPack('publish', 'shop.kpack', '--hub', hubUrl, '--token', token.secret);
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toContain('✗ 中心不认这个访问令牌\nthe hub does not accept this access token');
    expect(revoked.stdout).toContain('→ make a new token (it starts with pt_) in the hub console');

    const noToken = await kioskPack('publish', 'shop.kpack', '--hub', hubUrl);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('an access token is needed: --token pt_… or the KIOSK_PACK_TOKEN environment variable');

    const down = await kioskPack('publish', 'shop.kpack', '--hub', 'http://127.0.0.1:9', '--token', token.secret);
    expect(down.code).toBe(1);
    expect(down.stdout).toContain('cannot reach the hub at http://127.0.0.1:9 (ECONNREFUSED)');
  });
});
