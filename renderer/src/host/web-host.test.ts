import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWebHost } from './web-host.ts';

let browsers = 0;
/** Each test host gets the IndexedDB of a browser of its own. */
const freshBrowser = () => ({ identityDbName: `identity-${++browsers}`, couponDbName: `coupons-${browsers}` });

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
