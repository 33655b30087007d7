// electron-updater itself, against a feed on 127.0.0.1: the real check of latest-linux.yml,
// the real download over HTTP and the real sha512 check. Only Electron's network stack is
// swapped for Node's http (electron-updater's own client needs Electron).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedUpdater, kioskAppAdapter, writeUpdaterConfig, type FeedUpdater, type UpdateKind } from './feed-updater.ts';
import { updatePaths } from './update-files.ts';
import { fakeAppFile, NodeHttpExecutor, startFeedServer, type FeedServer } from './testing/update-feed-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function setUp(o: { kind?: UpdateKind; version?: string; requireAuthorization?: string; token?: string } = {}): Promise<{ feed: FeedServer; updater: FeedUpdater; dataDir: string }> {
  const feed = await startFeedServer({ requireAuthorization: o.requireAuthorization });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-update-'));
  cleanups.push(() => feed.close(), () => rm(dataDir, { recursive: true, force: true }));
  const paths = updatePaths(dataDir);
  await writeUpdaterConfig(paths.updaterConfig, feed.url);
  const updater = createFeedUpdater({
    kind: o.kind ?? 'deb',
    feedUrl: feed.url,
    headers: (): Record<string, string> => (o.token ? { authorization: `Bearer ${o.token}` } : {}),
    app: kioskAppAdapter({ version: o.version ?? '1.2.0', name: 'shopfront-kiosk', dataDir, configFile: paths.updaterConfig, cacheDir: paths.cache }),
    httpExecutor: new NodeHttpExecutor(),
    logger: quiet,
  });
  return { feed, updater, dataDir };
}

describe('the update feed through electron-updater', () => {
  it('finds a newer version, downloads the whole file with the kiosk’s credential and checks its sha512', async () => {
    const { feed, updater, dataDir } = await setUp({ requireAuthorization: 'Bearer kt_feedtest', token: 'kt_feedtest' });
    const file = fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb', 600 * 1024);
    feed.publish('1.3.0', file);

    const found = await updater.check();
    expect(found).toMatchObject({ kind: 'newer', version: '1.3.0', fileName: 'shopfront-kiosk_1.3.0_amd64.deb' });

    const percents: number[] = [];
    const downloaded = await updater.download((p) => percents.push(p));
    expect(downloaded.startsWith(updatePaths(dataDir).cache + path.sep)).toBe(true);
    expect(Buffer.compare(await readFile(downloaded), file.bytes)).toBe(0);
    expect(feed.requests.map((r) => r.path)).toContain('shopfront-kiosk_1.3.0_amd64.deb');
    expect(feed.requests.every((r) => r.authorization === 'Bearer kt_feedtest')).toBe(true);
    expect(percents.at(-1)).toBe(100);
  });

  it('refuses a download that does not match the published sha512, and keeps no file of it', async () => {
    const { feed, updater, dataDir } = await setUp();
    const file = fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb');
    feed.publish('1.3.0', file);
    expect((await updater.check()).kind).toBe('newer');
    // The file on the server is not the one the feed describes (a broken upload, a tampered mirror).
    feed.replaceBytes(file.name, fakeAppFile(file.name).bytes);
    await expect(updater.download(() => undefined)).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    const left = await readdir(updatePaths(dataDir).cache, { recursive: true }).catch(() => [] as string[]);
    expect(left.filter((name) => name.endsWith('.deb'))).toEqual([]);
  });

  it('does not download a file the feed publishes without a sha512', async () => {
    const { feed, updater } = await setUp();
    feed.publish('1.3.0', fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb'), { sha512: null });
    await expect(updater.check()).rejects.toThrow(/no sha512/);
    expect(feed.requests.map((r) => r.path)).toEqual(['latest-linux.yml']);
  });

  it('says when nothing newer is published, or nothing at all', async () => {
    const { feed, updater } = await setUp({ version: '1.3.0' });
    expect(await updater.check()).toEqual({ kind: 'nothing-published' });
    feed.publish('1.3.0', fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb'));
    expect(await updater.check()).toEqual({ kind: 'none', latest: '1.3.0' });
    // Never an older version (no downgrades from the feed).
    feed.publish('1.2.9', fakeAppFile('shopfront-kiosk_1.2.9_amd64.deb'));
    expect(await updater.check()).toEqual({ kind: 'none', latest: '1.2.9' });
  });

  it('fetches the AppImage for an AppImage install', async () => {
    vi.stubEnv('APPIMAGE', '/opt/kiosk/shopfront-kiosk.AppImage');
    const { feed, updater } = await setUp({ kind: 'appimage' });
    const file = fakeAppFile('shopfront-kiosk-1.3.0.AppImage');
    feed.publish('1.3.0', file);
    expect(await updater.check()).toMatchObject({ kind: 'newer', version: '1.3.0' });
    const downloaded = await updater.download(() => undefined);
    expect(path.basename(downloaded)).toBe('shopfront-kiosk-1.3.0.AppImage');
    expect(Buffer.compare(await readFile(downloaded), file.bytes)).toBe(0);
  });
});
