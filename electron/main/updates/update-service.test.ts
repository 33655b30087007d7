// The self-update from the feed to a version known to work, with the real feed client
// (electron-updater over HTTP on 127.0.0.1), real files and a fake clock. A restart of
// the app is a new UpdateService over the same data folder, as it is on a kiosk.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppUpdateReport } from '../../../content/schema/hub-api/heartbeat.ts';
import { kioskLogTo } from '../logging/kiosk-log.ts';
import { createFeedUpdater, kioskAppAdapter, writeUpdaterConfig, type UpdateKind } from './feed-updater.ts';
import { INSTALL_IDLE_MS } from './install-policy.ts';
import { PROBATION_SETTLE_MS } from './probation.ts';
import { readPending, updatePaths } from './update-files.ts';
import { UpdateService } from './update-service.ts';
import { fakeAppFile, NodeHttpExecutor, startFeedServer, type FeedServer } from './testing/update-feed-server.ts';

const T0 = Date.parse('2026-06-01T07:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

interface Kiosk {
  feed: FeedServer;
  dataDir: string;
  appImage: string;
  clock: { now: number };
  session: { state: 'idle' | 'active'; since: number };
  restarts: number;
  commands: string[][];
  /** dpkg refuses the next install. */
  dpkgFails: boolean;
  lines: string[];
  /** Starts the app at a version: a new service over the same data folder. */
  boot(version: string, o?: { readyTimeoutSec?: number }): Promise<UpdateService>;
}

async function kiosk(kind: UpdateKind = 'appimage'): Promise<Kiosk> {
  const feed = await startFeedServer();
  const root = await mkdtemp(path.join(os.tmpdir(), 'kiosk-selfupdate-'));
  cleanups.push(() => feed.close(), () => rm(root, { recursive: true, force: true }));
  const dataDir = path.join(root, 'data');
  const appImage = path.join(root, 'opt', 'shopfront-kiosk.AppImage');
  await mkdir(path.dirname(appImage), { recursive: true });
  await writeFile(appImage, 'the 1.2.0 AppImage');
  if (kind === 'appimage') vi.stubEnv('APPIMAGE', appImage);
  const paths = updatePaths(dataDir);
  await writeUpdaterConfig(paths.updaterConfig, feed.url);
  const k: Kiosk = {
    feed,
    dataDir,
    appImage,
    clock: { now: T0 },
    session: { state: 'idle', since: T0 - 3_600_000 },
    restarts: 0,
    commands: [],
    dpkgFails: false,
    lines: [],
    async boot(version, o = {}) {
      const log = kioskLogTo({ write: (line: string) => void k.lines.push(line) }, 'info');
      const service = new UpdateService({
        currentVersion: version,
        kind,
        offReason: null,
        appImagePath: kind === 'appimage' ? appImage : null,
        dataDir,
        settings: { checkEveryMin: 60, nightWindow: undefined, readyTimeoutSec: o.readyTimeoutSec ?? 180, timeZone: 'Asia/Shanghai' },
        feedUrl: feed.url,
        updater: createFeedUpdater({
          kind,
          feedUrl: feed.url,
          headers: () => ({}),
          app: kioskAppAdapter({ version, name: 'shopfront-kiosk', dataDir, configFile: paths.updaterConfig, cacheDir: paths.cache }),
          httpExecutor: new NodeHttpExecutor(),
          logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
        }),
        session: () => k.session,
        restart: () => void (k.restarts += 1),
        now: () => k.clock.now,
        log,
        runCommand: async (file, args) => {
          k.commands.push([file, ...args]);
          return k.dpkgFails ? { ok: false, output: 'dependency problems' } : { ok: true, output: '' };
        },
      });
      await service.start();
      return service;
    },
  };
  return k;
}

const stateOf = (r: AppUpdateReport) => ({ state: r.state, current: r.currentVersion, available: r.availableVersion });

describe('the self-update of an AppImage kiosk', () => {
  it('downloads in the background, installs only between shoppers, and keeps the new version once its screen is up', async () => {
    const k = await kiosk();
    const newApp = fakeAppFile('shopfront-kiosk-1.3.0.AppImage');
    k.feed.publish('1.3.0', newApp);

    const old = await k.boot('1.2.0');
    expect(old.report()).toMatchObject({ state: 'idle', currentVersion: '1.2.0' });
    await old.checkNow();
    expect(stateOf(old.report())).toEqual({ state: 'ready', current: '1.2.0', available: '1.3.0' });
    expect(old.report().lastCheckAt).toBe(T0);

    // A shopper is at the screen: nothing is installed, the file on disk is untouched.
    k.session = { state: 'active', since: T0 };
    await old.tick();
    expect(old.report().state).toBe('ready');
    expect(await readFile(k.appImage, 'utf8')).toBe('the 1.2.0 AppImage');
    // They left 30 s ago: still not.
    k.clock.now = T0 + 120_000;
    k.session = { state: 'idle', since: k.clock.now - 30_000 };
    await old.tick();
    expect(k.restarts).toBe(0);

    k.clock.now += INSTALL_IDLE_MS;
    await old.tick();
    expect(k.restarts).toBe(1);
    expect(Buffer.compare(await readFile(k.appImage), newApp.bytes)).toBe(0);
    expect(await readFile(path.join(updatePaths(k.dataDir).previousDir, 'shopfront-kiosk.AppImage'), 'utf8')).toBe('the 1.2.0 AppImage');

    // The new version starts: on probation, then kept once its screen has been up a while.
    k.clock.now += 10_000;
    const next = await k.boot('1.3.0');
    expect(stateOf(next.report())).toEqual({ state: 'installing', current: '1.3.0', available: '1.3.0' });
    k.clock.now += 8_000;
    next.rendererReady();
    k.clock.now += PROBATION_SETTLE_MS;
    await next.tick();
    expect(next.report()).toMatchObject({ state: 'idle', availableVersion: null, message: 'Updated from 1.2.0 to 1.3.0.' });
    expect(await readPending(updatePaths(k.dataDir).pending)).toBeNull();
    expect(k.restarts).toBe(1);
  });

  it('goes back to the previous AppImage when the new version shows no screen in time, and never installs that version again', async () => {
    const k = await kiosk();
    const newApp = fakeAppFile('shopfront-kiosk-1.3.0.AppImage');
    k.feed.publish('1.3.0', newApp);
    const old = await k.boot('1.2.0', { readyTimeoutSec: 120 });
    await old.checkNow();
    await old.tick();
    expect(k.restarts).toBe(1);

    const broken = await k.boot('1.3.0');
    k.clock.now += 119_000;
    await broken.tick();
    expect(k.restarts).toBe(1);
    k.clock.now += 1_000;
    await broken.tick();
    // The 1.2.0 AppImage is back at the path systemd starts, and the kiosk restarts into it.
    expect(await readFile(k.appImage, 'utf8')).toBe('the 1.2.0 AppImage');
    expect(k.restarts).toBe(2);
    expect(broken.report()).toMatchObject({ state: 'rolled-back', availableVersion: '1.3.0' });

    const again = await k.boot('1.2.0');
    expect(again.report()).toMatchObject({ state: 'rolled-back', currentVersion: '1.2.0', availableVersion: '1.3.0' });
    expect(again.report().message).toBe(
      'Went back from 1.3.0 to 1.2.0: 1.3.0 did not show a working screen within 120 s of starting. 1.3.0 will not be installed again; publish a newer version.',
    );
    // The feed still offers 1.3.0: it is not downloaded again.
    const fetchedBefore = k.feed.requests.filter((r) => r.path.endsWith('.AppImage')).length;
    await again.checkNow();
    await again.tick();
    expect(again.report().state).toBe('rolled-back');
    expect(k.feed.requests.filter((r) => r.path.endsWith('.AppImage')).length).toBe(fetchedBefore);
    expect(k.restarts).toBe(2);
    expect(k.lines.join('\n')).toContain('going back from 1.3.0 to 1.2.0');

    // A newer version is taken again.
    k.feed.publish('1.3.1', fakeAppFile('shopfront-kiosk-1.3.1.AppImage'));
    await again.checkNow();
    expect(stateOf(again.report())).toEqual({ state: 'ready', current: '1.2.0', available: '1.3.1' });
  });

  it('reports a download that fails its sha512 check as failed, with a reason, and installs nothing', async () => {
    const k = await kiosk();
    const file = fakeAppFile('shopfront-kiosk-1.3.0.AppImage');
    k.feed.publish('1.3.0', file);
    k.feed.replaceBytes(file.name, fakeAppFile(file.name).bytes);
    const service = await k.boot('1.2.0');
    await service.checkNow();
    expect(service.report()).toMatchObject({ state: 'failed', availableVersion: '1.3.0' });
    expect(service.report().message).toBe('The download did not match the sha512 the feed publishes for it: not installed. It is downloaded again at the next check.');
    await service.tick();
    expect(k.restarts).toBe(0);
    expect(await readFile(k.appImage, 'utf8')).toBe('the 1.2.0 AppImage');
  });
});

describe('the self-update of a .deb kiosk', () => {
  it('installs with dpkg through sudo -n, keeps the package, and goes back by installing the previous package', async () => {
    const k = await kiosk('deb');
    const paths = updatePaths(k.dataDir);
    k.feed.publish('1.3.0', fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb'));
    const v12 = await k.boot('1.2.0');
    await v12.checkNow();
    await v12.tick();
    const kept13 = path.join(paths.installedDir, 'shopfront-kiosk_1.3.0_amd64.deb');
    expect(k.commands).toEqual([['sudo', '-n', '/usr/bin/dpkg', '-i', kept13]]);
    expect(k.restarts).toBe(1);

    // 1.3.0 works and is kept; 1.4.0 comes and does not.
    const v13 = await k.boot('1.3.0');
    v13.rendererReady();
    k.clock.now += PROBATION_SETTLE_MS;
    await v13.tick();
    expect(v13.report().state).toBe('idle');
    k.feed.publish('1.4.0', fakeAppFile('shopfront-kiosk_1.4.0_amd64.deb'));
    await v13.checkNow();
    await v13.tick();
    const previous = path.join(paths.previousDir, 'shopfront-kiosk_1.3.0_amd64.deb');
    expect(k.commands.at(-1)).toEqual(['sudo', '-n', '/usr/bin/dpkg', '-i', path.join(paths.installedDir, 'shopfront-kiosk_1.4.0_amd64.deb')]);

    const v14 = await k.boot('1.4.0');
    k.clock.now += 181_000;
    await v14.tick();
    // dpkg installs the kept 1.3.0 package again (a downgrade), and the kiosk restarts into it.
    expect(k.commands.at(-1)).toEqual(['sudo', '-n', '/usr/bin/dpkg', '-i', previous]);
    expect(v14.report()).toMatchObject({ state: 'rolled-back', availableVersion: '1.4.0' });
    expect(k.restarts).toBe(3);
  });

  it('keeps the way back when dpkg refuses an update, and reports why', async () => {
    const k = await kiosk('deb');
    const paths = updatePaths(k.dataDir);
    k.feed.publish('1.3.0', fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb'));
    const v12 = await k.boot('1.2.0');
    await v12.checkNow();
    await v12.tick();
    const v13 = await k.boot('1.3.0');
    v13.rendererReady();
    k.clock.now += PROBATION_SETTLE_MS;
    await v13.tick();

    // 1.4.0's package is broken: dpkg says no.
    k.feed.publish('1.4.0', fakeAppFile('shopfront-kiosk_1.4.0_amd64.deb'));
    await v13.checkNow();
    const run = k.commands.length;
    k.dpkgFails = true;
    await v13.tick();
    expect(k.commands).toHaveLength(run + 1);
    expect(v13.report()).toMatchObject({ state: 'failed', message: 'dpkg could not install it: dependency problems' });
    expect(k.restarts).toBe(1);
    // 1.3.0's package is still the one to go back to when a later update fails to start.
    expect(await readdir(paths.installedDir)).toEqual(['shopfront-kiosk_1.3.0_amd64.deb']);
  });

  it('says there is no way back after a version installed by hand, and goes back from nothing', async () => {
    const k = await kiosk('deb');
    k.feed.publish('1.3.0', fakeAppFile('shopfront-kiosk_1.3.0_amd64.deb'));
    const v12 = await k.boot('1.2.0');
    await v12.checkNow();
    await v12.tick();
    const v13 = await k.boot('1.3.0');
    k.clock.now += 181_000;
    await v13.tick();
    expect(v13.report().state).toBe('failed');
    expect(v13.report().message).toContain('There is no previous version kept to go back to (it was installed by hand): reinstall 1.2.0 by hand.');
    expect(k.commands).toHaveLength(1);
  });
});
