// One request to the hub on a route of the contract (content/schema/hub-api): the body
// checked against the route's schema before it leaves, the answer read with the schema
// of its status. Never throws: every outcome is an answer the agent decides on.
import type { z } from 'zod';
import { ApiErrorBody } from '../../../content/schema/hub-api/errors.ts';
import { pathOf, type HubRoute } from '../../../content/schema/hub-api/route.ts';
import { parseRetryAfter } from '../../../content/schema/retry.ts';
import type { AgentClock } from './agent-clock.ts';

/** The longest Retry-After the kiosk honours, as for the event uploader. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

type OkBody<R extends HubRoute> = R['responses'] extends { 200: infer S extends z.ZodType } ? z.output<S> : unknown;

export type HubAnswer<T> =
  /** A 2xx answer whose body matches the contract. */
  | { kind: 'ok'; status: number; body: T }
  /** Any other answer: the hub's own sentence when it gave one. */
  | { kind: 'refused'; status: number; message: string | null; code: string | null; retryAfterMs: number | null }
  /** No answer: connection refused, DNS, timeout. */
  | { kind: 'unreachable'; message: string }
  /** The kiosk did not send it: the request does not match the contract. */
  | { kind: 'not-sent'; message: string };

export interface HubCallContext {
  /** The hub's base URL from the settings; it may carry a path (https://example.com/hub/). */
  baseUrl: string;
  /** The kiosk's credential, sent as a Bearer token; none on /v1/enrol. */
  token: string | null;
  timeoutMs: number;
  /** Ends the request early (the agent stopping, the credential revoked). */
  signal: AbortSignal;
  fetch: typeof fetch;
  clock: AgentClock;
}

export interface HubCallInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
}

/** The URL of a path under a hub's base URL: a base with a path keeps it. */
export function hubUrl(baseUrl: string, path: string, query: Record<string, string | number> = {}): string {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  const url = new URL(path.replace(/^\//, ''), base);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  return url.href;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** No cookies, no cache, no referrer: what a browser would otherwise add (Node's fetch accepts and ignores them). */
const BROWSER_REQUEST = { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' } as const as object;

export async function callHub<R extends HubRoute>(route: R, input: HubCallInput, ctx: HubCallContext): Promise<HubAnswer<OkBody<R>>> {
  let body: string | undefined;
  if (route.body) {
    const checked = route.body.safeParse(input.body);
    if (!checked.success) {
      const first = checked.error.issues[0];
      return { kind: 'not-sent', message: `${first?.path.join('.') || 'body'}: ${first?.message ?? 'does not match the contract'}` };
    }
    body = JSON.stringify(checked.data);
  }
  const url = hubUrl(ctx.baseUrl, pathOf(route, input.params), input.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (ctx.token) headers.authorization = `Bearer ${ctx.token}`;

  const request = new AbortController();
  const timer = new AbortController();
  const stop = () => request.abort();
  ctx.signal.addEventListener('abort', stop, { once: true });
  void ctx.clock.sleep(ctx.timeoutMs, AbortSignal.any([timer.signal, ctx.signal])).then(() => {
    if (!timer.signal.aborted && !ctx.signal.aborted) request.abort(new Error(`no answer within ${Math.round(ctx.timeoutMs / 1000)} s`));
  });
  try {
    const res = await ctx.fetch(url, { method: route.method, headers, body, signal: request.signal, ...BROWSER_REQUEST });
    const text = await res.text();
    const json = readJson(text);
    if (res.status >= 200 && res.status < 300) {
      const schema = route.responses[res.status] ?? route.responses[200];
      const parsed = schema?.safeParse(json);
      if (parsed?.success) return { kind: 'ok', status: res.status, body: parsed.data as OkBody<R> };
      return { kind: 'refused', status: res.status, message: "the hub's answer does not match this kiosk's version of the API", code: 'bad-answer', retryAfterMs: null };
    }
    const error = ApiErrorBody.safeParse(json);
    return {
      kind: 'refused',
      status: res.status,
      message: error.success ? error.data.error : null,
      code: error.success ? error.data.code : null,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), ctx.clock.now(), MAX_RETRY_AFTER_MS),
    };
  } catch (err) {
    if (request.signal.reason instanceof Error) return { kind: 'unreachable', message: request.signal.reason.message };
    // Node's fetch says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND…) in its cause.
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : null;
    return { kind: 'unreachable', message: `${(err as Error).message}${detail ? ` (${detail})` : ''}` };
  } finally {
    timer.abort();
    ctx.signal.removeEventListener('abort', stop);
  }
}
