import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ActivePack, HostCommand, HubStatus } from '../../../electron/common/kiosk-api.ts';
import { FakeHub } from '../../../electron/common/hub-agent/testing/fake-hub.ts';
import { createWebHost } from './web-host.ts';

let browsers = 0;
/** Each test host gets the IndexedDB of a browser of its own. */
const freshBrowser = () => ({ identityDbName: `identity-${++browsers}`, couponDbName: `coupons-${browsers}`, hubDbName: `hub-${browsers}` });

function fakeFetch(routes: Record<string, unknown>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (!(url in routes)) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(routes[url]), { status: 200 });
  }) as typeof fetch;
}

describe('web host', () => {
  it('reads the pack manifest and settings from the server', async () => {
    const host = createWebHost({
      packBaseUrl: 'http://k/pack/',
      configUrl: 'http://k/kiosk-config.json',
      ...freshBrowser(),
      fetchImpl: fakeFetch({
        'http://k/pack/manifest.json': { packId: 'demo', version: '1.2.0' },
        'http://k/kiosk-config.json': { storeId: 'sh-001', idle: { timeoutSec: 20 } },
      }),
    });
    expect(host.mode).toBe('web');
    expect(await host.getActivePack()).toEqual({ packId: 'demo', version: '1.2.0', baseUrl: 'http://k/pack/', activation: 1 });
    expect((await host.getConfig()).idle.timeoutSec).toBe(20);
    expect((await host.getDeviceIdentity()).storeId).toBe('sh-001');
  });

  it('keeps one device id per browser and runs on defaults without a settings file', async () => {
    const browser = freshBrowser();
    const a = createWebHost({ packBaseUrl: 'http://k/pack/', configUrl: 'http://k/c.json', ...browser, fetchImpl: fakeFetch({}) });
    const b = createWebHost({ packBaseUrl: 'http://k/pack/', configUrl: 'http://k/c.json', ...browser, fetchImpl: fakeFetch({}) });
    expect((await a.getDeviceIdentity()).deviceId).toBe((await b.getDeviceIdentity()).deviceId);
    expect((await a.getDeviceIdentity()).bootId).not.toBe((await b.getDeviceIdentity()).bootId);
    expect((await a.getConfig()).idle.timeoutSec).toBe(45);
    expect(await a.getActivePack()).toBeNull();
  });

  it('reports a broken settings file in health instead of failing', async () => {
    const host = createWebHost({
      packBaseUrl: 'http://k/pack/',
      configUrl: 'http://k/c.json',
      ...freshBrowser(),
      fetchImpl: fakeFetch({ 'http://k/c.json': { idle: { timeoutSec: 'soon' } } }),
    });
    expect((await host.getConfig()).idle.timeoutSec).toBe(45);
    expect((await host.getHealth()).problems.join()).toContain('idle.timeoutSec');
  });

  it('shows in health the camera state the renderer last reported, and refuses a made-up one', async () => {
    const host = createWebHost({ packBaseUrl: 'http://k/pack/', configUrl: 'http://k/c.json', ...freshBrowser(), fetchImpl: fakeFetch({}) });
    expect((await host.getHealth()).camera).toBe('unknown');
    await host.reportCameraState('denied');
    expect((await host.getHealth()).camera).toBe('denied');
    await expect(host.reportCameraState('broken' as never)).rejects.toThrow(/Refused/);
    await expect(host.reportCameraState('toString' as never)).rejects.toThrow(/Refused/);
    expect((await host.getHealth()).camera).toBe('denied');
  });

  it('says admin functions are not available in browser mode', async () => {
    const host = createWebHost({ packBaseUrl: 'http://k/pack/', configUrl: 'http://k/c.json', ...freshBrowser(), fetchImpl: fakeFetch({}) });
    expect(await host.admin.unlock('1234')).toEqual({ ok: false, reason: 'unavailable', message: expect.stringMatching(/browser mode/) });
    expect(await host.admin.exitKiosk()).toMatchObject({ ok: false });
  });

  it('refuses a coupon claim that main would refuse, before signing anything', async () => {
    const host = createWebHost({ packBaseUrl: 'http://k/pack/', configUrl: 'http://k/c.json', ...freshBrowser(), fetchImpl: fakeFetch({}) });
    const claim = { campaignId: 'juice-10', reward: { kind: 'amount-off' as const, value: 1000 }, validHours: 24 };
    await expect(host.coupons.issue({ ...claim, extra: 'x' } as never)).rejects.toThrow(/Refused: bad arguments for kiosk:coupons:issue/);
    await expect(host.coupons.issue({ ...claim, reward: { kind: 'cash', value: 5 } } as never)).rejects.toThrow(/Refused/);
    await expect(host.admin.unlock('12ab')).rejects.toThrow(/Refused/);
    // Nothing was signed: the first good claim gets coupon number 1.
    expect(await host.coupons.issue(claim)).toMatchObject({ ok: true, coupon: { seq: 1 } });
  });
});

describe('web host: the hub', () => {
  const TOKEN = 'et_browser_rollout';

  function hubHost(config: Record<string, unknown>, hub = new FakeHub(Date.now)) {
    const reloads: number[] = [];
    const pages = fakeFetch({ 'http://k/pack/manifest.json': { packId: 'demo', version: '1.2.0' }, 'http://k/c.json': config });
    const host = createWebHost({
      packBaseUrl: 'http://k/pack/',
      configUrl: 'http://k/c.json',
      ...freshBrowser(),
      appVersion: '0.1.0',
      fetchImpl: (input, init) => (String(input).startsWith(hub.url) ? hub.fetch(input, init) : pages(input, init)),
      reloadPage: () => void reloads.push(hub.results.length),
    });
    return { host, hub, reloads };
  }

  it('enrols with the token from its settings and reports the page\'s health in its heartbeats', async () => {
    const hub = new FakeHub(Date.now);
    hub.secrets.set(TOKEN, { storeId: 'sh-009', kioskName: 'Browser', oneTime: false });
    const { host } = hubHost({ hub: { url: hub.url, enrolmentToken: TOKEN } }, hub);
    const statuses: HubStatus[] = [];
    host.hub.onStatus((s) => statuses.push(s));
    await host.reportRendererHealth({ outbox: null, jsHeapBytes: 1_000_000, fps: 60, lastInteractionAt: null, session: 'idle', scanner: 'keyboard' });
    await expect.poll(async () => (await host.hub.status()).state).toBe('enrolled');
    expect(await host.hub.status()).toMatchObject({ hubUrl: hub.url, storeId: 'sh-009', kioskName: 'Browser' });
    expect(statuses.at(-1)?.state).toBe('enrolled');
    await expect.poll(() => hub.heartbeats.length).toBeGreaterThan(0);
    expect(hub.heartbeats[0]).toMatchObject({ mode: 'web', jsHeapBytes: 1_000_000, fps: 60, scanner: 'keyboard', rendererRestarts: 0 });
    expect(await host.hub.eventsTarget()).toMatchObject({ url: hub.url, writeKey: expect.stringMatching(/^kt_/) });
    // Browser mode has no PIN: a code is taken without one (here the kiosk is enrolled already).
    expect(await host.hub.enrol('K7Q2-M9XD')).toMatchObject({ ok: false, message: expect.stringMatching(/already enrolled/) });
  });

  it("carries out what a page can: reloads after the hub has the result, wakes the uploader, and says what needs the kiosk app", async () => {
    const hub = new FakeHub(Date.now);
    hub.secrets.set(TOKEN, { storeId: 'sh-009', kioskName: null, oneTime: false });
    const expiresAt = Date.now() + 600_000;
    for (const kind of ['screenshot', 'restart', 'check-pack', 'upload-events', 'reload'] as const) hub.deliver({ id: kind, kind, expiresAt });
    const { host, reloads } = hubHost({ hub: { url: hub.url, enrolmentToken: TOKEN } }, hub);
    const commands: HostCommand[] = [];
    host.onHostCommand((c) => commands.push(c));
    await host.hub.status();
    await expect.poll(() => hub.results.length).toBe(5);
    const result = (id: string) => hub.results.find((r) => r.id === id)?.result;
    for (const id of ['screenshot', 'restart', 'check-pack']) expect(result(id)).toEqual({ ok: false, message: expect.stringMatching(/^Not available in browser mode: /) });
    expect(result('upload-events')).toMatchObject({ ok: true });
    expect(commands).toEqual([{ id: 'upload-events', kind: 'upload-events' }]);
    expect(result('reload')).toEqual({ ok: true, message: 'Reloading the page.' });
    await expect.poll(() => reloads).toEqual([5]);
  });

  it("follows the pack the hub's heartbeat answer names: switched to when the shopper leaves, never under one", async () => {
    const hub = new FakeHub(Date.now);
    hub.secrets.set(TOKEN, { storeId: 'sh-009', kioskName: null, oneTime: false });
    const sha = 'ab'.repeat(32);
    hub.packs = {
      trustedKeys: [],
      assigned: { packId: 'demo', version: '1.3.0', sha256: sha, bytes: 1000, rolloutId: '7', download: '/v1/pack', files: `/v1/pack-files/${sha}/` },
    };
    const { host } = hubHost({ hub: { url: hub.url, enrolmentToken: TOKEN } }, hub);
    const changes: ActivePack[] = [];
    host.onPackChanged((p) => changes.push(p));
    expect(await host.getActivePack()).toMatchObject({ packId: 'demo', version: '1.2.0', baseUrl: 'http://k/pack/' });
    // A shopper is at the screen when the hub's answer arrives: nothing changes under them.
    await host.setSessionState('active');
    await expect.poll(() => hub.heartbeats.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toEqual([]);
    expect((await host.getHealth()).pack).toEqual({ packId: 'demo', version: '1.2.0' });

    await host.setSessionState('idle');
    expect(changes).toEqual([{ packId: 'demo', version: '1.3.0', baseUrl: `${hub.url}v1/pack-files/${sha}/`, activation: 2 }]);
    expect(await host.getActivePack()).toEqual(changes[0]);
    expect((await host.getHealth()).pack).toEqual({ packId: 'demo', version: '1.3.0' });

    // The screen could not show it: back to the pack it had, and the health says why.
    await host.reportPackFailed({ packId: 'demo', version: '1.3.0', activation: 2 }, 'data/games.json: not found');
    expect(changes.at(-1)).toMatchObject({ version: '1.2.0', baseUrl: 'http://k/pack/', activation: 3 });
    expect((await host.getHealth()).lastImportError).toContain('not found');
  });

  it('says in its health that the hub wins over the collector when both are set, and stays off without a hub', async () => {
    const both = hubHost({ hub: { url: 'https://hub.example.com/' }, collector: { url: 'https://collector.example.com' } });
    expect((await both.host.getHealth()).problems.join()).toMatch(/Both hub.url and collector.url are set.*Remove collector.url/);
    const none = hubHost({});
    expect(await none.host.hub.status()).toMatchObject({ state: 'off', hubUrl: null });
    expect((await none.host.getHealth()).problems).toEqual([]);
    expect(none.hub.requests).toEqual([]);
  });
});
