import { describe, expect, it } from 'vitest';
import { Channels, EVENT_CHANNELS } from '../common/channels.ts';
import { registerHostHandlers, type HostHandlers } from './ipc.ts';
import { fakeIpcMain } from './testing/fake-ipc-main.ts';

const unused = async () => {
  throw new Error('unused');
};
// Every invoke channel answers; the ones these tests call answer for real.
const handlers = {
  ...(Object.fromEntries(Object.values(Channels).filter((c) => !EVENT_CHANNELS.includes(c)).map((c) => [c, unused])) as unknown as HostHandlers),
  'kiosk:device:get': async () => ({ deviceId: 'd', bootId: 'b', storeId: 's', kioskName: 'k', uptimeMs: 1 }),
  'kiosk:admin:unlock': async (pin: string) => (pin === '2580' ? { ok: true as const, expiresAt: 1 } : { ok: false as const, reason: 'wrong-pin' as const, attemptsLeft: 4 }),
} satisfies HostHandlers;

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
    await expect(call(Channels.deviceGet, kioskFrame)).resolves.toMatchObject({ deviceId: 'd' });
    await expect(call(Channels.adminUnlock, kioskFrame, '2580')).resolves.toEqual({ ok: true, expiresAt: 1 });
  });

  it('refuses other frames, even with the app URL, and calls without a frame', async () => {
    const { call, refused } = setup();
    await expect(call(Channels.deviceGet, { url: 'app://kiosk/index.html' })).rejects.toThrow(/Refused/);
    await expect(call(Channels.deviceGet, null)).rejects.toThrow(/Refused/);
    expect(refused).toHaveLength(2);
  });

  it('refuses the kiosk window once its frame shows another origin', async () => {
    // The same frame object main trusts, navigated (or redirected) away from the app.
    const hijacked = { url: 'https://evil.example/' };
    const f = fakeIpcMain();
    const refused: string[] = [];
    registerHostHandlers(f.ipc, handlers, () => hijacked, (c, why) => refused.push(`${c}: ${why}`));
    await expect(f.call(Channels.deviceGet, hijacked)).rejects.toThrow(/Refused: not the kiosk window/);
    await expect(f.call(Channels.adminUnlock, hijacked, '2580')).rejects.toThrow(/Refused/);
    hijacked.url = 'file:///etc/passwd';
    await expect(f.call(Channels.deviceGet, hijacked)).rejects.toThrow(/Refused/);
    expect(refused).toEqual([
      'kiosk:device:get: sender https://evil.example/ is not the kiosk frame',
      'kiosk:admin:unlock: sender https://evil.example/ is not the kiosk frame',
      'kiosk:device:get: sender file:///etc/passwd is not the kiosk frame',
    ]);
  });

  it('will not register a channel without the kiosk prefix, nor any channel alongside it', () => {
    const f = fakeIpcMain();
    const withStray = { ...handlers, 'debug:eval': async () => undefined } as unknown as HostHandlers;
    expect(() => registerHostHandlers(f.ipc, withStray, () => kioskFrame, () => undefined)).toThrow(/debug:eval lacks the kiosk: prefix/);
    expect(f.listeners.size).toBe(0);
  });

  it('refuses arguments of the wrong shape before any handler runs', async () => {
    const { call } = setup();
    await expect(call(Channels.adminUnlock, kioskFrame, { pin: '2580' })).rejects.toThrow(/bad arguments/);
    await expect(call(Channels.adminUnlock, kioskFrame, '25a0')).rejects.toThrow(/bad arguments/);
    await expect(call(Channels.sessionSet, kioskFrame, 'paused')).rejects.toThrow(/bad arguments/);
    await expect(call(Channels.deviceGet, kioskFrame, 'extra')).rejects.toThrow(/bad arguments/);
  });

  it('registers every channel of the contract and removes them again', () => {
    const { listeners, dispose } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(handlers).sort());
    dispose();
    expect(listeners.size).toBe(0);
  });
});
