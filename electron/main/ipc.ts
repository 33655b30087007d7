// Registers the KioskApi handlers on ipcMain behind one door: the channel must carry
// the kiosk prefix, the sender must be the kiosk window's top frame on the app
// origin, and the arguments must have the channel's shape.
import { CHANNEL_PREFIX, parseInvokeArgs, type InvokeArgs, type InvokeChannel, type InvokeContract, type InvokeResult } from '../common/channels.ts';
import { isAppUrl } from './security-policy.ts';

export type HostHandlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C> };

export interface SenderFrame {
  url: string;
}

export interface IpcInvokeEvent {
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The frame is the kiosk window's own top frame, showing the kiosk app. */
export function isTrustedSender(frame: SenderFrame | null, kioskMainFrame: () => SenderFrame | null): boolean {
  return frame !== null && frame === kioskMainFrame() && isAppUrl(frame.url);
}

export function registerHostHandlers(
  ipcMain: IpcMainLike,
  handlers: HostHandlers,
  kioskMainFrame: () => SenderFrame | null,
  onRefused: (channel: string, why: string) => void,
): () => void {
  const channels = Object.keys(handlers) as (keyof InvokeContract)[];
  // Checked before anything is registered, so a bad table leaves no half-open door.
  const unprefixed = channels.find((channel) => !channel.startsWith(CHANNEL_PREFIX));
  if (unprefixed !== undefined) throw new Error(`IPC channel ${unprefixed} lacks the ${CHANNEL_PREFIX} prefix`);
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame, kioskMainFrame)) {
        onRefused(channel, `sender ${event.senderFrame?.url ?? '(none)'} is not the kiosk frame`);
        throw new Error('Refused: not the kiosk window');
      }
      const parsed = parseInvokeArgs(channel, args);
      if (parsed === null) {
        onRefused(channel, 'arguments do not match the channel');
        throw new Error(`Refused: bad arguments for ${channel}`);
      }
      const handler = handlers[channel] as (...a: unknown[]) => unknown;
      return handler(...(parsed as unknown[]));
    });
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}
