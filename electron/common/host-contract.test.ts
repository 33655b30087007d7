import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildClient } from './host-client.ts';
import { call, checkArgs, defineHostApi, event, forEachEntry, shapeOf, withCheckedArgs, type ClientOf, type HandlersOf } from './host-contract.ts';
import { HOST_API, type HostHandlers, type KioskApi } from './kiosk-api.ts';

describe('the host API declaration', () => {
  it('gives the preload a client whose every call goes out on the channel main registers', async () => {
    const invoked: [string, unknown[]][] = [];
    const subscribed: string[] = [];
    const client = buildClient(shapeOf(HOST_API), {
      invoke: async (channel, args) => void invoked.push([channel, args]),
      subscribe: (channel) => {
        subscribed.push(channel);
        return () => undefined;
      },
    }) as unknown as KioskApi;
    await client.admin.unlock('2580');
    await client.coupons.publicKey();
    client.onPackChanged(() => undefined);
    expect(invoked).toEqual([
      [HOST_API.admin.unlock.channel, ['2580']],
      [HOST_API.coupons.publicKey.channel, []],
    ]);
    expect(subscribed).toEqual([HOST_API.onPackChanged.channel]);

    // Every entry of the declaration is on the client, as a function.
    forEachEntry(HOST_API, (_entry, path) => {
      const fn = path.reduce<unknown>((node, name) => (node as Record<string, unknown>)[name], client);
      expect(typeof fn, path.join('.')).toBe('function');
    });
  });

  it('checks arguments against the schemas: count, types, unknown fields', () => {
    expect(checkArgs(HOST_API.setSessionState, ['idle'])).toEqual({ ok: true, args: ['idle'] });
    expect(checkArgs(HOST_API.setSessionState, ['paused'])).toMatchObject({ ok: false });
    expect(checkArgs(HOST_API.setSessionState, ['idle', 'extra'])).toMatchObject({ ok: false });
    expect(checkArgs(HOST_API.getHealth, [])).toMatchObject({ ok: true });
    expect(checkArgs(HOST_API.getHealth, [1])).toMatchObject({ ok: false });
    const claim = { campaignId: 'juice-10', reward: { kind: 'amount-off', value: 1000 }, validHours: 24 };
    expect(checkArgs(HOST_API.coupons.issue, [claim])).toMatchObject({ ok: true });
    expect(checkArgs(HOST_API.coupons.issue, [{ ...claim, shopper: 'x' }])).toMatchObject({ ok: false });
    expect(checkArgs(HOST_API.reportPackFailed, [{ packId: 'p', version: '1', activation: 1 }, 'x'.repeat(2001)])).toMatchObject({ ok: false });
  });

  it('lets an implementation refuse what main refuses', async () => {
    const api = defineHostApi({ greet: call([z.string().max(5)], z.string()), onTick: event(z.number()) });
    const impl: ClientOf<typeof api> = { greet: async (name) => `hi ${name}`, onTick: () => () => undefined };
    const checked = withCheckedArgs(api, impl);
    await expect(checked.greet('ana')).resolves.toBe('hi ana');
    await expect(checked.greet('anastasia')).rejects.toThrow(/Refused: bad arguments for kiosk:greet/);
  });

  it('makes a missing handler a compile error', () => {
    const _api = defineHostApi({ a: call([], z.void()), nested: { b: call([z.number()], z.number()) }, onC: event(z.string()) });
    type Api = typeof _api;
    const good: HandlersOf<Api> = { a: () => undefined, nested: { b: (n) => n * 2 } };
    // @ts-expect-error: nested.b has no handler
    const missing: HandlersOf<Api> = { a: () => undefined, nested: {} };
    // @ts-expect-error: the handler answers a string where the declaration says number
    const wrong: HandlersOf<Api> = { a: () => undefined, nested: { b: (n) => String(n) } };
    const full: Pick<HostHandlers, 'getConfig'> | null = null;
    expect([good, missing, wrong, full].length).toBe(4);
  });
});
