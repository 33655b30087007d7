// The console's one door to the hub: a route declaration from CONSOLE_API in, the
// route's declared answer out, checked with the same schema the hub answers with.
import type { z } from 'zod';
import { ApiErrorBody } from '../../../../content/schema/hub-api/errors.ts';
import { CSRF_HEADER } from '../../../../content/schema/hub-api/console/auth.ts';
import { HUB_TIME_HEADER, pathOf, type HubRoute } from '../../../../content/schema/hub-api/route.ts';
import { ApiError } from './api-error.ts';

/** The 2xx statuses of a union of statuses (distributes over the union). */
type Success<S> = S extends number ? (`${S}` extends `2${string}` ? S : never) : never;
/** The body of any 2xx answer a route declares. */
export type ApiAnswer<R extends HubRoute> = {
  [S in keyof R['responses'] & number as Success<S>]: z.output<R['responses'][S]>;
}[Success<keyof R['responses'] & number>];

type Part<K extends string, S> = [S] extends [never]
  ? { [P in K]?: undefined }
  : [S] extends [z.ZodType]
    ? object extends z.input<S>
      ? { [P in K]?: z.input<S> }
      : { [P in K]: z.input<S> }
    : { [P in K]?: undefined };
/** What a caller sends: only the parts the route declares, required when they have required fields. */
export type ApiInput<R extends HubRoute> = Part<'params', NonNullable<R['params']>> & Part<'query', NonNullable<R['query']>> & Part<'body', NonNullable<R['body']>>;
type InputArgs<R extends HubRoute> = object extends ApiInput<R> ? [input?: ApiInput<R>] : [input: ApiInput<R>];

export interface ApiClientDeps {
  /** The CSRF token of the signed-in session (SignedIn.csrfToken); null when signed out. */
  csrfToken(): string | null;
  /** A console route answered 401: the session is gone. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
}

export interface ApiClient {
  callApi<R extends HubRoute>(route: R, ...args: InputArgs<R>): Promise<ApiAnswer<R>>;
  /**
   * The hub's time now, as its last answer told it (this browser's clock until one has):
   * what pages count ages and expiries from.
   */
  now(): number;
}

function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const doFetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  /** The hub's clock minus this browser's. */
  let hubOffsetMs = 0;

  async function callApi<R extends HubRoute>(route: R, ...args: InputArgs<R>): Promise<ApiAnswer<R>> {
    const input = (args[0] ?? {}) as { params?: Record<string, string | number>; query?: unknown; body?: unknown };
    const url = pathOf(route, input.params) + queryString(input.query);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (route.method !== 'GET') {
      const token = deps.csrfToken();
      if (token) headers[CSRF_HEADER] = token;
    }
    const init: RequestInit = { method: route.method, credentials: 'same-origin', headers };
    if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(input.body);
    }

    let res: Response;
    try {
      res = await doFetch(url, init);
    } catch (err) {
      throw new ApiError(0, null, { code: 'network', message: `cannot reach the hub: ${String(err)}` });
    }
    const hubTime = Number(res.headers.get(HUB_TIME_HEADER) ?? NaN);
    if (Number.isFinite(hubTime) && hubTime > 0) hubOffsetMs = hubTime - Date.now();
    const json = await readJson(res);

    if (res.ok) {
      const schema = route.responses[res.status];
      const parsed = schema ? schema.safeParse(json) : undefined;
      if (!parsed?.success) {
        throw new ApiError(res.status, null, { code: 'bad-answer', message: `${route.method} ${route.path} answered ${res.status} with a body the contract does not allow` });
      }
      return parsed.data as ApiAnswer<R>;
    }

    const errorBody = ApiErrorBody.safeParse(json);
    const retryAfter = res.headers.get('retry-after');
    const error = new ApiError(
      res.status,
      errorBody.success ? errorBody.data : null,
      { code: 'http', message: `${route.method} ${route.path} answered ${res.status}` },
      retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null,
      json,
    );
    // A public route's 401 (a wrong password) is the page's business, not a lost session.
    if (res.status === 401 && route.auth !== 'public') deps.onUnauthorized();
    throw error;
  }

  return { callApi, now: () => Date.now() + hubOffsetMs };
}
