// A hub in a function, for the unit tests: answers `METHOD /path` from a table and
// keeps every request it was sent (what the backend would receive).
import { HUB_TIME_HEADER } from '../../../../content/schema/hub-api/route.ts';
export interface SentRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> };
export type FakeRoute = FakeAnswer | ((req: SentRequest) => FakeAnswer);

/** `hubTime`: the hub's clock each answer carries, as the real hub's do (absent: none sent). */
export function fakeHub(routes: Record<string, FakeRoute>, options: { hubTime?: () => number } = {}) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0]!;
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const req: SentRequest = { method, url, path, headers, body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined };
    sent.push(req);
    const route = routes[`${method} ${path}`];
    if (!route) return new Response(JSON.stringify({ error: `no fake for ${method} ${path}`, code: 'not-found' }), { status: 404 });
    const answer = typeof route === 'function' ? route(req) : route;
    const clock: Record<string, string> = options.hubTime ? { [HUB_TIME_HEADER]: String(options.hubTime()) } : {};
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...clock, ...answer.headers } });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent, routes };
}
