// A file sent to the hub as itself (application/octet-stream): a product sheet or a
// picture for a draft. The answer is read with the route's schema for its status.
import { CSRF_HEADER } from '../../../../../content/schema/hub-api/console/auth.ts';
import { ApiErrorBody } from '../../../../../content/schema/hub-api/errors.ts';
import { pathOf, type HubRoute } from '../../../../../content/schema/hub-api/route.ts';
import { ApiError } from '../../api/api-error.ts';

export interface SentFile {
  status: number;
  /** The answer, checked with the route's schema for this status. */
  answer: unknown;
}

/**
 * Sends `file` on a raw-body route. Resolves with a declared 2xx answer, or with a
 * declared 422 answer when `refusals` includes it; any other answer rejects with an ApiError.
 */
export async function sendFile(
  route: HubRoute,
  input: { params: Record<string, string>; query?: Record<string, string>; file: Blob; csrfToken: string | null },
  options: { refusals?: readonly number[]; fetchImpl?: typeof fetch } = {},
): Promise<SentFile> {
  const doFetch = options.fetchImpl ?? ((url, init) => globalThis.fetch(url, init));
  const query = input.query ? `?${new URLSearchParams(input.query).toString()}` : '';
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/octet-stream' };
  if (input.csrfToken) headers[CSRF_HEADER] = input.csrfToken;
  let res: Response;
  try {
    res = await doFetch(pathOf(route, input.params) + query, { method: route.method, credentials: 'same-origin', headers, body: input.file });
  } catch (err) {
    throw new ApiError(0, null, { code: 'network', message: `cannot reach the hub: ${String(err)}` });
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = undefined;
  }
  const declared = route.responses[res.status];
  if (declared && (res.ok || options.refusals?.includes(res.status))) {
    const parsed = declared.safeParse(json);
    if (parsed.success) return { status: res.status, answer: parsed.data };
    throw new ApiError(res.status, null, { code: 'bad-answer', message: `${route.method} ${route.path} answered ${res.status} with a body the contract does not allow` });
  }
  const body = ApiErrorBody.safeParse(json);
  throw new ApiError(res.status, body.success ? body.data : null, { code: 'http', message: `${route.method} ${route.path} answered ${res.status}` }, null, json);
}
