import { describe, expect, it } from 'vitest';
import { call, defineHostApi, forEachEntry } from '../common/host-contract.ts';
import { HOST_API } from '../common/kiosk-api.ts';
import { createHostHandlers } from './host-handlers.ts';
import { registerHostHandlers, sendHostEvent, type HostHandlers } from './ipc.ts';
import { fakeHostContext } from './testing/fake-host-context.ts';
import { fakeIpcMain } from './testing/fake-ipc-main.ts';
import { z } from 'zod';

// The real handlers over small fakes; the ones these tests call answer for real.
const base = createHostHandlers(fakeHostContext().ctx);
const handlers: HostHandlers = {
  ...base,
  getDeviceIdentity: async () => ({ deviceId: 'd', bootId: 'b', storeId: 's', kioskName: 'k', uptimeMs: 1 }),
  admin: {
    ...base.admin,
    unlock: async (pin: string) => (pin === '2580' ? { ok: true as const, expiresAt: 1 } : { ok: false as const, reason: 'wrong-pin' as const, attemptsLeft: 4 }),
  },
};

describe('IPC door', () => {
  const kioskFrame = { url: 'app://kiosk/index.html' };
  const setup = () => {
    const f = fakeIpcMain();
    const refused: string[] = [];
    const dispose = registerHostHandlers(f.ipc, handlers, () => kioskFrame, (c, why) => refused.push(`${c}: ${why}`));
    return { ...f, refused, dispose };
  };

  it('answers the kiosk frame', async () => {
    const { call } = setup();
    await expect(call(HOST_API.getDeviceIdentity.channel, kioskFrame)).resolves.toMatchObject({ deviceId: 'd' });
    await expect(call(HOST_API.admin.unlock.channel, kioskFrame, '2580')).resolves.toEqual({ ok: true, expiresAt: 1 });
  });

  it('refuses other frames, even with the app URL, and calls without a frame', async () => {
    const { call, refused } = setup();
    await expect(call(HOST_API.getDeviceIdentity.channel, { url: 'app://kiosk/index.html' })).rejects.toThrow(/Refused/);
    await expect(call(HOST_API.getDeviceIdentity.channel, null)).rejects.toThrow(/Refused/);
    expect(refused).toHaveLength(2);
  });

  it('refuses the kiosk window once its frame shows another origin', async () => {
    // The same frame object main trusts, navigated (or redirected) away from the app.
    const hijacked = { url: 'https://evil.example/' };
    const f = fakeIpcMain();
    const refused: string[] = [];
    registerHostHandlers(f.ipc, handlers, () => hijacked, (c, why) => refused.push(`${c}: ${why}`));
    await expect(f.call(HOST_API.getDeviceIdentity.channel, hijacked)).rejects.toThrow(/Refused: not the kiosk window/);
    await expect(f.call(HOST_API.admin.unlock.channel, hijacked, '2580')).rejects.toThrow(/Refused/);
    hijacked.url = 'file:///etc/passwd';
    await expect(f.call(HOST_API.getDeviceIdentity.channel, hijacked)).rejects.toThrow(/Refused/);
    expect(refused).toEqual([
      'kiosk:getDeviceIdentity: sender https://evil.example/ is not the kiosk frame',
      'kiosk:admin:unlock: sender https://evil.example/ is not the kiosk frame',
      'kiosk:getDeviceIdentity: sender file:///etc/passwd is not the kiosk frame',
    ]);
  });

  it('will not register a declaration with a handler missing, nor any channel alongside it', () => {
    const f = fakeIpcMain();
    const { admin, ...withoutAdmin } = handlers;
    const missingExit = { ...withoutAdmin, admin: { ...admin, exitKiosk: undefined } } as unknown as HostHandlers;
    expect(() => registerHostHandlers(f.ipc, missingExit, () => kioskFrame, () => undefined)).toThrow(/no handler for kiosk:admin:exitKiosk/);
    expect(f.listeners.size).toBe(0);
  });

  it('names every channel kiosk:<path> from the declaration, each once', () => {
    const channels: string[] = [];
    forEachEntry(HOST_API, (entry, path) => {
      expect(entry.channel).toBe(`kiosk:${path.join(':')}`);
      channels.push(entry.channel);
    });
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels).toContain('kiosk:admin:unlock');
    expect(() => defineHostApi({ 'debug:eval': call([], z.void()) })).toThrow(/may not contain ':'/);
  });

  it('refuses arguments of the wrong shape before any handler runs', async () => {
    const { call } = setup();
    await expect(call(HOST_API.admin.unlock.channel, kioskFrame, { pin: '2580' })).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.admin.unlock.channel, kioskFrame, '25a0')).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.setSessionState.channel, kioskFrame, 'paused')).rejects.toThrow(/bad arguments/);
    await expect(call(HOST_API.getDeviceIdentity.channel, kioskFrame, 'extra')).rejects.toThrow(/bad arguments/);
  });

  it('registers every call of the declaration, no event, and removes them again', () => {
    const { listeners, dispose } = setup();
    const calls: string[] = [];
    forEachEntry(HOST_API, (entry) => void (entry.kind === 'call' && calls.push(entry.channel)));
    expect([...listeners.keys()].sort()).toEqual(calls.sort());
    expect(listeners.has(HOST_API.onPackChanged.channel)).toBe(false);
    dispose();
    expect(listeners.size).toBe(0);
  });

  it('sends host events on their declared channel', () => {
    const sent: [string, unknown][] = [];
    const pack = { packId: 'spring', version: '2.0.0', baseUrl: 'pack://active/', activation: 2 };
    sendHostEvent({ send: (channel, payload) => sent.push([channel, payload]) }, HOST_API.onPackChanged, pack);
    sendHostEvent(null, HOST_API.onPackChanged, pack);
    expect(sent).toEqual([['kiosk:onPackChanged', pack]]);
  });
});
