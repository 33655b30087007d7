import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleKpack } from '../../../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import { previewPath } from '../../../../content/schema/hub-api/console/pack-diff.ts';
import { KioskConfig } from '../../../../content/schema/kiosk-config.ts';
import { openStore } from '../../../store/open-store.ts';
import { authHeaders, testHub, type ConsoleSession, type TestHub } from '../../testing/hub-fixture.ts';
import { signIn, trustTestKey, uploadPack } from '../../testing/pack-fixture.ts';

let temp: { dir: string; remove: () => Promise<void> };
let kpack: string;
let t: TestHub;
let mei: ConsoleSession;
let uploadId: string;

beforeAll(async () => {
  temp = await makeTempDir('hub-preview-');
  await mkdir(path.join(temp.dir, 'pack'));
  kpack = (await buildSampleKpack(path.join(temp.dir, 'pack'))).kpack;
  // A stand-in for the built renderer: its page, its code under assets/, its hand model.
  const renderer = path.join(temp.dir, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(path.join(renderer, 'generated'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc.js"></script><div id="app"></div>');
  await writeFile(path.join(renderer, 'assets', 'index-abc.js'), 'console.log("kiosk")');
  await writeFile(path.join(renderer, 'generated', 'hand_landmarker.task'), 'model');
  await writeFile(path.join(temp.dir, 'secret.txt'), 'outside');
  process.env.HUB_PREVIEW_RENDERER_DIR = renderer;

  const dataDir = path.join(temp.dir, 'db');
  await mkdir(dataDir);
  t = await testHub(await openStore({ dataDir }));
  mei = await signIn(t, 'mei', 'merchandiser');
  await trustTestKey(t);
  uploadId = ((await uploadPack(t, kpack, { session: mei })).json().pack as { id: string }).id;
}, 120_000);
afterAll(async () => {
  delete process.env.HUB_PREVIEW_RENDERER_DIR;
  await t.close();
  await temp.remove();
});

/** `session` null: nobody signed in. */
const get = (url: string, session: ConsoleSession | null = mei, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...(session ? authHeaders({ session }) : {}), ...headers } });

describe('the virtual kiosk at /preview/', () => {
  it('serves the renderer’s page with the kiosk’s CSP, framable by the console only', async () => {
    const res = await get(previewPath(uploadId, 'en'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('/assets/index-abc.js');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(res.headers['cache-control']).toBe('no-store');
    // Without its trailing slash the page is sent to it (its files are relative to it).
    const bare = await get(previewPath(uploadId, 'en').slice(0, -1));
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe(previewPath(uploadId, 'en'));
  });

  it('gives settings in the language asked for, with no hub, no collector and no camera', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const res = await get(`${previewPath(uploadId, locale)}kiosk-config.json`);
      expect(res.statusCode).toBe(200);
      const config = KioskConfig.parse(res.json());
      expect(config.defaultLocale).toBe(locale);
      expect(config.hub.url).toBeUndefined();
      expect(config.hub.enrolmentToken).toBeUndefined();
      expect(config.collector.url).toBeUndefined();
      expect(config.scanner.camera).toBe(false);
    }
  });

  it('serves the pack’s checked files, byte ranges included, and the renderer’s code', async () => {
    const manifest = await get(`${previewPath(uploadId, 'zh-CN')}pack/manifest.json`);
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toMatchObject({ packId: 'sample', version: '1.0.0' });
    const picture = await get(`${previewPath(uploadId, 'zh-CN')}pack/media/apple.png`, mei, { range: 'bytes=0-3' });
    expect(picture.statusCode).toBe(206);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await get('/assets/index-abc.js')).body).toBe('console.log("kiosk")');
    expect((await get(`${previewPath(uploadId, 'zh-CN')}generated/hand_landmarker.task`)).body).toBe('model');
  });

  it('shows nothing to the public, to roles that do not work on packs, or outside its folders', async () => {
    const page = previewPath(uploadId, 'en');
    for (const url of [page, `${page}kiosk-config.json`, `${page}pack/manifest.json`, '/assets/index-abc.js']) {
      expect((await get(url, null)).statusCode, url).toBe(401);
    }
    const analyst = await signIn(t, 'ana', 'analyst');
    expect((await get(`${page}pack/manifest.json`, analyst)).statusCode).toBe(403);
    for (const url of [`${page}pack/../../secret.txt`, `${page}pack/%2e%2e/%2e%2e/secret.txt`, `${page}pack/data`, '/assets/..%2f..%2fsecret.txt', `${page}..%2f..%2fsecret.txt`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('outside');
    }
    expect((await get(previewPath('pk_nosuchpack00', 'en'))).statusCode).toBe(404);
    expect((await get(`/preview/${uploadId}/fr/`)).statusCode).toBe(404);
  }, 30_000);
});
