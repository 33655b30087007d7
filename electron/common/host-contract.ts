// The machinery of the host boundary: a declaration is a tree of calls (the renderer
// asks, main answers) and events (main tells, the renderer listens), each with zod
// schemas. From one declaration follow the IPC channel names, main's argument checks,
// the preload's exposed object, the type main's handlers must satisfy and the type
// every host implementation (the preload, the web host) must satisfy.
import { z } from 'zod';
import type { HostShape } from './host-client.ts';

import { channelOf, CHANNEL_PREFIX } from './host-client.ts';

export { channelOf, CHANNEL_PREFIX };

/** A request from the renderer that main answers. */
export interface HostCall<A extends z.ZodTuple = z.ZodTuple, R extends z.ZodType = z.ZodType> {
  readonly kind: 'call';
  /** Filled in by defineHostApi from the entry's place in the tree. */
  readonly channel: string;
  readonly args: A;
  readonly result: R;
}

/** Something main tells the renderer, unasked. */
export interface HostEvent<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly channel: string;
  readonly payload: P;
}

export type HostEntry = HostCall | HostEvent;
export interface HostTree {
  readonly [name: string]: HostEntry | HostTree;
}

type Schemas = readonly [] | readonly [z.ZodType, ...z.ZodType[]];

/** Declares a call: its argument schemas in order, and its result. */
export function call<const A extends Schemas, R extends z.ZodType>(args: A, result: R): HostCall<z.ZodTuple<[...A], null>, R> {
  const tuple = z.tuple(args as unknown as [z.ZodType, ...z.ZodType[]]) as unknown as z.ZodTuple<[...A], null>;
  return { kind: 'call', channel: '', args: tuple, result };
}

/** Declares an event and its payload. */
export function event<P extends z.ZodType>(payload: P): HostEvent<P> {
  return { kind: 'event', channel: '', payload };
}

const isEntry = (node: HostEntry | HostTree): node is HostEntry => (node as HostEntry).kind === 'call' || (node as HostEntry).kind === 'event';

/**
 * Stamps every entry with its channel, `kiosk:<path>` (`kiosk:admin:unlock`), so
 * channel names are never written by hand and cannot collide.
 */
export function defineHostApi<T extends HostTree>(tree: T, path: string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [name, node] of Object.entries(tree)) {
    if (name.includes(':')) throw new Error(`host API name ${name} may not contain ':'`);
    out[name] = isEntry(node) ? { ...node, channel: channelOf([...path, name]) } : defineHostApi(node, [...path, name]);
  }
  return Object.freeze(out) as T;
}

/**
 * The declaration without its schemas: which names are calls and which are events.
 * Enough to build a client, and small enough to put into the preload at build time.
 */
export function shapeOf(tree: HostTree): HostShape {
  const out: Record<string, HostShape | 'call' | 'event'> = {};
  for (const [name, node] of Object.entries(tree)) out[name] = isEntry(node) ? node.kind : shapeOf(node);
  return out;
}

/** Visits every entry with its path (`['admin', 'unlock']`). */
export function forEachEntry(tree: HostTree, visit: (entry: HostEntry, path: readonly string[]) => void, path: string[] = []): void {
  for (const [name, node] of Object.entries(tree)) {
    if (isEntry(node)) visit(node, [...path, name]);
    else forEachEntry(node, visit, [...path, name]);
  }
}

/** The value at `path` in a nested object (a handler table, a client). */
export function atPath(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, name) => (node as Record<string, unknown> | undefined)?.[name], root);
}

import type { Unsubscribe } from './host-client.ts';

export type { Unsubscribe };

/** What the renderer holds: a promise-returning function per call, a subscribe function per event. */
export type ClientOf<T extends HostTree> = {
  readonly [K in keyof T]: T[K] extends HostCall<infer A, infer R>
    ? (...args: z.input<A>) => Promise<z.output<R>>
    : T[K] extends HostEvent<infer P>
      ? (listener: (payload: z.output<P>) => void) => Unsubscribe
      : T[K] extends HostTree
        ? ClientOf<T[K]>
        : never;
};

/** What main implements: a handler per call (events are sent, not handled), given checked arguments. */
export type HandlersOf<T extends HostTree> = {
  readonly [K in keyof T as T[K] extends HostEvent ? never : K]: T[K] extends HostCall<infer A, infer R>
    ? (...args: z.output<A>) => Promise<z.output<R>> | z.output<R>
    : T[K] extends HostTree
      ? HandlersOf<T[K]>
      : never;
};

/** The payload type of an event entry. */
export type PayloadOf<E extends HostEvent> = z.output<E['payload']>;

/**
 * The arguments of a call, checked against its schemas: the parsed arguments, or why
 * they were refused. What main's IPC door and the web host both apply.
 */
export function checkArgs(entry: HostCall, args: unknown[]): { ok: true; args: unknown[] } | { ok: false; why: string } {
  const parsed = entry.args.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data as unknown[] };
  const first = parsed.error.issues[0];
  return { ok: false, why: first ? `${first.path.join('.') || 'arguments'}: ${first.message}` : 'arguments do not match' };
}

/**
 * Wraps an implementation so every call checks its arguments first, as main's IPC door
 * does: a browser-mode host refuses exactly what the Electron host refuses.
 */
export function withCheckedArgs<T extends HostTree, C extends ClientOf<T>>(tree: T, impl: C): C {
  const wrap = (node: HostTree, target: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...target };
    for (const [name, child] of Object.entries(node)) {
      if (!isEntry(child)) out[name] = wrap(child, target[name] as Record<string, unknown>);
      else if (child.kind === 'call') {
        const fn = target[name] as (...a: unknown[]) => Promise<unknown>;
        out[name] = async (...args: unknown[]) => {
          const checked = checkArgs(child, args);
          if (!checked.ok) throw new Error(`Refused: bad arguments for ${child.channel} (${checked.why})`);
          return fn(...checked.args);
        };
      }
    }
    return out;
  };
  return wrap(tree, impl as unknown as Record<string, unknown>) as C;
}
