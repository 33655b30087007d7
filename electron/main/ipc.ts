// Registers the KioskApi handlers on ipcMain behind one door: the channel must carry
// the kiosk prefix, the sender must be the kiosk window's top frame on the app
// origin, and the arguments must match the call's schemas. Channels, checks and the
// handler table all follow from the declaration in electron/common/kiosk-api.ts.
import { atPath, CHANNEL_PREFIX, checkArgs, forEachEntry, type HostCall, type HostEvent, type HostTree, type PayloadOf } from '../common/host-contract.ts';
import { HOST_API, type HostHandlers } from '../common/kiosk-api.ts';
import { isAppUrl } from './security-policy.ts';

export type { HostHandlers };

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

/** Every call of a declaration with its handler; throws if a handler is missing or a channel lacks the prefix. */
function callTable(api: HostTree, handlers: unknown): { entry: HostCall; handler: (...args: unknown[]) => unknown }[] {
  const table: { entry: HostCall; handler: (...args: unknown[]) => unknown }[] = [];
  forEachEntry(api, (entry, path) => {
    if (entry.kind !== 'call') return;
    if (!entry.channel.startsWith(CHANNEL_PREFIX)) throw new Error(`IPC channel ${entry.channel} lacks the ${CHANNEL_PREFIX} prefix`);
    const handler = atPath(handlers, path);
    if (typeof handler !== 'function') throw new Error(`no handler for ${entry.channel}`);
    table.push({ entry, handler: handler as (...args: unknown[]) => unknown });
  });
  return table;
}

export function registerHostHandlers(
  ipcMain: IpcMainLike,
  handlers: HostHandlers,
  kioskMainFrame: () => SenderFrame | null,
  onRefused: (channel: string, why: string) => void,
  api: HostTree = HOST_API,
): () => void {
  // Checked before anything is registered, so a bad table leaves no half-open door.
  const table = callTable(api, handlers);
  for (const { entry, handler } of table) {
    ipcMain.handle(entry.channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame, kioskMainFrame)) {
        onRefused(entry.channel, `sender ${event.senderFrame?.url ?? '(none)'} is not the kiosk frame`);
        throw new Error('Refused: not the kiosk window');
      }
      const checked = checkArgs(entry, args);
      if (!checked.ok) {
        onRefused(entry.channel, `arguments do not match the call (${checked.why})`);
        throw new Error(`Refused: bad arguments for ${entry.channel}`);
      }
      return handler(...checked.args);
    });
  }
  return () => table.forEach(({ entry }) => ipcMain.removeHandler(entry.channel));
}

/** Something that can carry a host event to the renderer (a window's webContents). */
export interface EventSink {
  send(channel: string, payload: unknown): void;
}

/** Sends a host event with a payload of the event's declared type. */
export function sendHostEvent<E extends HostEvent>(sink: EventSink | null | undefined, entry: E, payload: PayloadOf<E>): void {
  sink?.send(entry.channel, payload);
}
