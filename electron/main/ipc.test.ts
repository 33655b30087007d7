import { describe, expect, it } from 'vitest';
import { Channels, EVENT_CHANNELS } from '../common/channels.ts';
import { registerHostHandlers, type HostHandlers, type IpcInvokeEvent, type IpcMainLike } from './ipc.ts';

function fakeIpc() {
  const listeners = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (c, l) => void listeners.set(c, l),
    removeHandler: (c) => void listeners.delete(c),
  };
  return { ipc, listeners, call: (c: string, frame: { url: string } | null, ...args: unknown[]) => listeners.get(c)!({ senderFrame: frame }, ...args) };
}

const unused = async () => {
  throw new Error('unused');
};
// Every invoke channel answers; the ones these tests call answer for real.
const handlers = {
  ...(Object.fromEntries(Object.values(Channels).filter((c) => !EVENT_CHANNELS.includes(c)).map((c) => [c, unused])) as unknown as HostHandlers),
  'kiosk:device:get': async () => ({ deviceId: 'd', bootId: 'b', storeId: 's', kioskName: 'k' }),
  'kiosk:admin:unlock': async (pin: string) => (pin === '2580' ? { ok: true as const, expiresAt: 1 } : { ok: false as const, reason: 'wrong-pin' as const, attemptsLeft: 4 }),
} satisfies HostHandlers;

describe('IPC door', () => {
  const kioskFrame = { url: 'app://kiosk/index.html' };
  const setup = () => {
    const f = fakeIpc();
    const refused: string[] = [];
    const dispose = registerHostHandlers(f.ipc, handlers, () => kioskFrame, (c, why) => refused.push(`${c}: ${why}`));
    return { ...f, refused, dispose };
  };

  it('answers the kiosk frame', async () => {
    const { call } = setup();
    await expect(call(Channels.deviceGet, kioskFrame)).resolves.toMatchObject({ deviceId: 'd' });
    await expect(call(Channels.adminUnlock, kioskFrame, '2580')).resolves.toEqual({ ok: true, expiresAt: 1 });
  });

  it('refuses other frames, even with the app URL, and frames on other origins', async () => {
    const { call, refused } = setup();
    await expect(call(Channels.deviceGet, { url: 'app://kiosk/index.html' })).rejects.toThrow(/Refused/);
    await expect(call(Channels.deviceGet, null)).rejects.toThrow(/Refused/);
    expect(refused).toHaveLength(2);
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
