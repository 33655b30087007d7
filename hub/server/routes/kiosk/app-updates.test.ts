import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { heartbeat, testHub } from '../../testing/hub-fixture.ts';
import { appUpdatesDir } from './app-updates.ts';

const YML = 'version: 1.3.0\nfiles:\n  - url: shopfront-kiosk-1.3.0.AppImage\n    sha512: abc\n    size: 300000\npath: shopfront-kiosk-1.3.0.AppImage\n';

describeEachDatabase('the app update feed', (fixture) => {
  it('serves latest-linux.yml and the AppImage to enrolled kiosks, a range at a time for a resumed download', async () => {
    const t = await testHub(await fixture.open());
    const dir = appUpdatesDir(t.hub);
    const appImage = randomBytes(300_000);
    await writeFile(path.join(dir, 'latest-linux.yml'), YML);
    await writeFile(path.join(dir, 'shopfront-kiosk-1.3.0.AppImage'), appImage);
    const token = await t.enrol('kiosk-aaaa-0001');
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } });

    const yml = await get('/v1/app-updates/latest-linux.yml');
    expect(yml.statusCode).toBe(200);
    expect(yml.body).toBe(YML);
    // Revalidated every time (it changes in place when a version is published).
    expect(yml.headers['cache-control']).toContain('max-age=0');
    expect((await get('/v1/app-updates/latest-linux.yml', { 'if-none-match': String(yml.headers.etag) })).statusCode).toBe(304);

    const whole = await get('/v1/app-updates/shopfront-kiosk-1.3.0.AppImage');
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.equals(appImage)).toBe(true);
    const rest = await get('/v1/app-updates/shopfront-kiosk-1.3.0.AppImage', { range: 'bytes=100000-' });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe('bytes 100000-299999/300000');
    expect(rest.rawPayload.equals(appImage.subarray(100_000))).toBe(true);
    await t.close();
  });

  it('refuses anyone without a kiosk credential, and never serves a path outside the feed or a listing', async () => {
    const t = await testHub(await fixture.open());
    await writeFile(path.join(appUpdatesDir(t.hub), 'latest-linux.yml'), YML);
    await writeFile(path.join(t.hub.options.dataDir, 'secret.txt'), 'not for kiosks');
    const token = await t.enrol('kiosk-aaaa-0001');
    expect((await t.app.inject({ method: 'GET', url: '/v1/app-updates/latest-linux.yml' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/app-updates/latest-linux.yml', headers: { authorization: 'Bearer kt_not-a-real-token' } })).statusCode).toBe(401);
    const session = await t.admin();
    expect((await t.app.inject({ method: 'GET', url: '/v1/app-updates/latest-linux.yml', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    for (const url of ['/v1/app-updates/../secret.txt', '/v1/app-updates/%2e%2e/secret.txt', '/v1/app-updates/', '/v1/app-updates/missing.AppImage']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body, url).not.toContain('not for kiosks');
    }
    await t.close();
  });

  it('shows the update state a kiosk reports on the console', async () => {
    const t = await testHub(await fixture.open());
    const token = await t.enrol('kiosk-aaaa-0001');
    const update = { state: 'ready' as const, currentVersion: '1.2.0', availableVersion: '1.3.0', percent: null, message: 'Ready: installs when nobody is using the screen.', lastCheckAt: t.clock.now() - 60_000 };
    expect((await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { update }) }, { kiosk: token })).statusCode).toBe(200);
    const session = await t.admin();
    const kiosk = (await t.call(CONSOLE_API.kiosk, { params: { deviceId: 'kiosk-aaaa-0001' } }, { session })).json().kiosk;
    expect(kiosk.update).toEqual(update);
    await t.close();
  });
});
