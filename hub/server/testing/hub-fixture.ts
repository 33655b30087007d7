// A hub for API tests: built on a store from describeEachDatabase, called with inject()
// (no network), on a clock the test moves, with every answer checked against its
// declaration. Helpers sign in, make an enrolment code and enrol a kiosk the way the
// console and a kiosk do.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../content/schema/hub-api/console/auth.ts';
import { pathOf, type HubRoute, type RouteInput } from '../../../content/schema/hub-api/route.ts';
import { KIOSK_API, type Heartbeat } from '../../../content/schema/hub-api/index.ts';
import { createSetupToken } from '../../store/queries/accounts.ts';
import type { HubStore } from '../../store/open-store.ts';
import { buildHub } from '../app.ts';
import { sha256 } from '../auth/secrets.ts';
import { manualClock } from '../clock.ts';
import { DEFAULT_HUB_OPTIONS, type HubContext, type HubOptions } from '../hub-context.ts';

export const T0 = Date.parse('2026-12-07T10:00:00+08:00'); // a Monday, 10:00 in Shanghai: stores are open

export interface TestHub {
  app: FastifyInstance;
  hub: HubContext;
  clock: ReturnType<typeof manualClock>;
  /** Calls a declared route; `auth` is a kiosk token, a console session, or nothing. */
  call<T extends HubRoute>(route: T, input?: Partial<RouteInput<T>>, auth?: Auth): Promise<LightMyRequestResponse>;
  /** The first admin, signed in. */
  admin(): Promise<ConsoleSession>;
  /** Enrols a kiosk with a fresh code; its token. */
  enrol(deviceId: string, storeId?: string): Promise<string>;
  close(): Promise<void>;
}

export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
}

export type Auth = { kiosk: string } | { session: ConsoleSession } | { bearer: string } | undefined;

export function authHeaders(auth: Auth): Record<string, string> {
  if (!auth) return {};
  if ('kiosk' in auth) return { authorization: `Bearer ${auth.kiosk}` };
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  return { cookie: auth.session.cookie, [CSRF_HEADER]: auth.session.csrfToken };
}

export async function testHub(store: HubStore, options: Partial<HubOptions> = {}): Promise<TestHub> {
  const clock = manualClock(T0);
  // Its own data folder (the pack signing key's key file, the packs), removed on close.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-data-'));
  const { app, hub } = await buildHub({
    store,
    clock,
    logger: false,
    options: { ...DEFAULT_HUB_OPTIONS, dataDir, packDir: path.join(dataDir, 'packs'), publicUrl: 'http://hub.test', checkResponses: true, ...options },
  });
  await app.ready();

  const call: TestHub['call'] = async (route, input = {}, auth) => {
    const query = input.query ? new URLSearchParams(Object.entries(input.query as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString() : '';
    const url = pathOf(route, (input.params ?? {}) as Record<string, string>) + (query ? `?${query}` : '');
    return app.inject({
      method: route.method,
      url,
      headers: { ...authHeaders(auth), ...(input.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(input.body !== undefined ? { payload: JSON.stringify(input.body) } : {}),
    });
  };

  let adminSession: ConsoleSession | null = null;
  const admin = async () => {
    if (adminSession) return adminSession;
    await createSetupToken(store, { tokenHash: sha256('setup-token'), now: clock.now(), expiresAt: clock.now() + 3_600_000 });
    const res = await app.inject({ method: 'POST', url: '/api/setup', headers: { 'content-type': 'application/json' }, payload: { token: 'setup-token', username: 'admin', password: 'correct horse battery' } });
    if (res.statusCode !== 200) throw new Error(`setup failed: ${res.body}`);
    adminSession = sessionOf(res);
    return adminSession;
  };

  const enrol = async (deviceId: string, storeId = 'sh-001') => {
    const session = await admin();
    const made = await app.inject({ method: 'POST', url: '/api/enrolment', headers: { ...authHeaders({ session }), 'content-type': 'application/json' }, payload: { kind: 'code', storeId, kioskName: `Kiosk ${deviceId}` } });
    const { secret } = made.json() as { secret: string };
    const res = await call(KIOSK_API.enrol, { body: { deviceId, appVersion: '0.1.0', platform: 'linux', couponKey: null } }, { bearer: secret });
    if (res.statusCode !== 200) throw new Error(`enrol failed: ${res.body}`);
    return (res.json() as { token: string }).token;
  };

  const close = async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { app, hub, clock, call, admin, enrol, close };
}

export function sessionOf(res: LightMyRequestResponse): ConsoleSession {
  const setCookie = String(res.headers['set-cookie'] ?? '');
  const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(setCookie)?.[1];
  if (!value) throw new Error(`no session cookie in ${setCookie}`);
  return { cookie: `${SESSION_COOKIE}=${value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** A message as a kiosk's outbox sends it. */
export function track(deviceId: string, seq: number, event = 'Screen Viewed', properties: Record<string, unknown> = { screen: 'home' }) {
  return {
    type: 'track',
    messageId: `${deviceId}-${seq}`,
    anonymousId: 'a0b1c2',
    event,
    properties,
    originalTimestamp: new Date(T0 + seq).toISOString(),
    context: { kiosk: { deviceId, seq, bootId: 'boot-1', monotonicMs: seq } },
  };
}

/** POSTs a batch gzipped, as the kiosk does. */
export function postBatch(t: TestHub, token: string, messages: unknown[], extra: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    payload: gzipSync(JSON.stringify({ batch: messages, sentAt: new Date(T0).toISOString(), ...extra })),
  });
}

/** A heartbeat as a healthy kiosk sends it, with `over` changed. */
export function heartbeat(t: TestHub, over: Partial<Heartbeat> = {}): Heartbeat {
  return {
    sentAt: new Date(t.clock.now()).toISOString(),
    appVersion: '0.2.0',
    mode: 'electron',
    platform: 'linux',
    bootId: 'boot-1',
    uptimeSec: 600,
    pack: { packId: 'spring', version: '1.4.0' },
    packProblem: null,
    rendererRestarts: 1,
    rendererCrashes: 0,
    packRollbacks: 0,
    camera: 'available',
    scanner: 'keyboard',
    outbox: { depth: 12, bytes: 9000, oldestUnsentAgeMs: 40_000, lastSuccessAt: t.clock.now() - 60_000, shedTotal: 0, quarantinedTotal: 0 },
    jsHeapBytes: 80_000_000,
    fps: 58.5,
    lastInteractionAt: t.clock.now() - 120_000,
    session: 'idle',
    update: null,
    ...over,
  };
}
