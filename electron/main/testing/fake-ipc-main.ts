// An ipcMain stand-in for unit tests: keeps the registered listeners and calls one as
// Electron would, with the sender frame the test chooses.
import type { IpcInvokeEvent, IpcMainLike, SenderFrame } from '../ipc.ts';

export function fakeIpcMain() {
  const listeners = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void listeners.set(channel, listener),
    removeHandler: (channel) => void listeners.delete(channel),
  };
  const call = async (channel: string, frame: SenderFrame | null, ...args: unknown[]): Promise<unknown> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler registered on ${channel}`);
    return listener({ senderFrame: frame }, ...args);
  };
  return { ipc, listeners, call };
}
