// A hub for unit tests, behind a fetch stub: the kiosk routes of the contract
// (content/schema/hub-api), requests checked with the contract's schemas, answers made
// to match them. A test scripts failures and commands, and reads what the hub received.
import type { z } from 'zod';
import { KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import type { CommandResult, KioskCommand } from '../../../../content/schema/hub-api/commands.ts';
import type { EnrolRequest } from '../../../../content/schema/hub-api/enrolment.ts';
import type { Heartbeat } from '../../../../content/schema/hub-api/heartbeat.ts';
import type { KioskPackNews } from '../../../../content/schema/hub-api/pack.ts';
import type { HubRoute } from '../../../../content/schema/hub-api/route.ts';

export type KioskRouteName = keyof typeof KIOSK_API;

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Kiosk {
  deviceId: string;
  storeId: string;
  kioskName: string;
  revoked: boolean;
}

const matchPath = (route: HubRoute, path: string): Record<string, string> | null => {
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
  const m = pattern.exec(path);
  return m ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) : null;
};

export class FakeHub {
  readonly url: string;
  /** Valid one-time codes and enrolment tokens, with the store and name they give. */
  readonly secrets = new Map<string, { storeId: string; kioskName: string | null; oneTime: boolean }>();
  readonly kiosks = new Map<string, Kiosk>();
  /** Enrolment requests, with the secret they carried as their credential. */
  readonly enrolments: (EnrolRequest & { secret: string | null })[] = [];
  readonly heartbeats: Heartbeat[] = [];
  readonly results: { id: string; result: CommandResult }[] = [];
  /** Every request, in order: route name and the Authorization header it carried. */
  readonly requests: { route: KioskRouteName; at: number; authorization: string | null }[] = [];
  commandsWaiting = 0;
  /** What heartbeat answers say about packs (absent: a hub that hands out none). */
  packs: KioskPackNews | undefined = undefined;
  /** The network is down: every request fails as fetch fails without a connection. */
  offline = false;
  /** Requests tried, whether or not they reached the hub. */
  attempts = 0;
  private readonly deliveries: KioskCommand[] = [];
  private readonly scripted = new Map<KioskRouteName, ScriptedAnswer[]>();
  private tokens = 0;

  constructor(
    private readonly now: () => number,
    base = 'https://hub.example.com/',
  ) {
    this.url = base;
  }

  /** The next requests on `route` get these answers, in order, before the hub answers normally again. */
  script(route: KioskRouteName, ...answers: ScriptedAnswer[]): void {
    this.scripted.set(route, [...(this.scripted.get(route) ?? []), ...answers]);
  }

  /** Hands `command` to the kiosk at its next poll (again each time it is delivered). */
  deliver(command: KioskCommand): void {
    this.deliveries.push(command);
  }

  revokeAll(): void {
    for (const kiosk of this.kiosks.values()) kiosk.revoked = true;
  }

  count(route: KioskRouteName): number {
    return this.requests.filter((r) => r.route === route).length;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    this.attempts += 1;
    if (this.offline) throw new TypeError('fetch failed');
    const url = new URL(String(input));
    const base = new URL(this.url);
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw new TypeError('fetch failed');
    const path = '/' + url.pathname.slice(base.pathname.length);
    const method = init?.method ?? 'GET';
    for (const [name, route] of Object.entries(KIOSK_API) as [KioskRouteName, HubRoute][]) {
      const params = route.method === method ? matchPath(route, path) : null;
      if (!params) continue;
      const authorization = new Headers(init?.headers).get('authorization');
      this.requests.push({ route: name, at: this.now(), authorization });
      const scripted = this.scripted.get(name)?.shift();
      if (scripted) return this.answer(route, scripted.status, scripted.body ?? { error: `scripted ${scripted.status}`, code: 'scripted' }, scripted.headers);
      const body = init?.body === undefined ? undefined : JSON.parse(String(init.body));
      const checked = route.body?.safeParse(body);
      if (checked && !checked.success) return this.answer(route, 400, { error: checked.error.issues[0]!.message, code: 'bad-request' });
      return this.handle(name, route, checked?.data, params, authorization, url.searchParams);
    }
    return new Response('not found', { status: 404 });
  };

  private handle(name: KioskRouteName, route: HubRoute, body: unknown, params: Record<string, string>, authorization: string | null, query: URLSearchParams): Response {
    if (name === 'enrol') {
      const request = body as EnrolRequest;
      const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? null;
      this.enrolments.push({ ...request, secret: presented });
      const secret = presented === null ? undefined : this.secrets.get(presented);
      if (!secret) return this.answer(route, 401, { error: 'This enrolment code is not valid or has expired: make a new one in the console.', code: 'bad-secret' });
      if (secret.oneTime) this.secrets.delete(presented!);
      const token = `kt_${++this.tokens}_${request.deviceId.slice(0, 8)}`;
      const kiosk = { deviceId: request.deviceId, storeId: secret.storeId, kioskName: secret.kioskName ?? request.kioskName ?? 'Kiosk', revoked: false };
      this.kiosks.set(token, kiosk);
      return this.answer(route, 200, { token, deviceId: kiosk.deviceId, storeId: kiosk.storeId, kioskName: kiosk.kioskName, enrolledAt: new Date(this.now()).toISOString() });
    }
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const kiosk = token ? this.kiosks.get(token) : undefined;
    if (!kiosk || kiosk.revoked) return this.answer(route, 401, { error: 'This kiosk was revoked in the console: enrol it again with a new code.', code: 'revoked' });
    switch (name) {
      case 'heartbeat':
        this.heartbeats.push(body as Heartbeat);
        return this.answer(route, 200, { serverTime: this.now(), commandsWaiting: this.commandsWaiting, ...(this.packs ? { packs: this.packs } : {}) });
      case 'commands': {
        const waitSec = Number(query.get('waitSec'));
        if (!(waitSec >= 0 && waitSec <= 60)) return this.answer(route, 400, { error: 'waitSec', code: 'bad-request' });
        this.commandsWaiting = 0;
        return this.answer(route, 200, { commands: this.deliveries.splice(0), serverTime: this.now() });
      }
      case 'commandResult':
        this.results.push({ id: params.id!, result: body as CommandResult });
        return this.answer(route, 200, { recorded: true });
      default:
        return this.answer(route, 404, { error: 'not here', code: 'not-found' });
    }
  }

  /** An answer that matches the route's declared schema for its status (the fake cannot drift from the contract). */
  private answer(route: HubRoute, status: number, body: unknown, headers: Record<string, string> = {}): Response {
    // An undeclared status (a proxy's 502, a crash's 500) goes out as it is.
    const schema = route.responses[status] as z.ZodType | undefined;
    return new Response(JSON.stringify(schema ? schema.parse(body) : body), { status, headers: { 'content-type': 'application/json', ...headers } });
  }
}
