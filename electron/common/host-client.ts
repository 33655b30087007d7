// The renderer's side of the host boundary, without a single schema: a client built
// from the declaration's shape (which names are calls, which are events) and a
// transport. Kept free of zod so the sandboxed preload stays a few kilobytes; the
// preload gets the shape from the build, which reads it off electron/common/kiosk-api.ts.

export const CHANNEL_PREFIX = 'kiosk:';

/** The IPC channel of an entry: its path in the declaration (`kiosk:admin:unlock`). */
export const channelOf = (path: readonly string[]): string => CHANNEL_PREFIX + path.join(':');

export type Unsubscribe = () => void;

export interface HostShape {
  readonly [name: string]: 'call' | 'event' | HostShape;
}

export interface HostTransport {
  invoke: (channel: string, args: unknown[]) => Promise<unknown>;
  subscribe: (channel: string, listener: (payload: unknown) => void) => Unsubscribe;
}

/** A client of the shape: a function per call that invokes its channel, a subscribe function per event. */
export function buildClient(shape: HostShape, transport: HostTransport, path: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(shape)) {
    const channel = channelOf([...path, name]);
    if (node === 'call') out[name] = (...args: unknown[]) => transport.invoke(channel, args);
    else if (node === 'event') out[name] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    else out[name] = buildClient(node, transport, [...path, name]);
  }
  return out;
}
