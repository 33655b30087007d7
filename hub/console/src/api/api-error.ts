// What a failed call to the hub becomes: the hub's own sentence and code when it gave
// them, or what went wrong on the way (no network, an answer the contract does not allow).
import type { ApiErrorBody } from '../../../../content/schema/hub-api/errors.ts';

/** `network`: the hub could not be reached; `bad-answer`: its answer broke the contract. */
export type ClientErrorCode = 'network' | 'bad-answer' | 'http';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status; 0 when the hub could not be reached. */
  readonly status: number;
  /** The hub's code (`invalid-body`, `locked`…) or one of ClientErrorCode. */
  readonly code: string;
  /** True when `message` is the hub's own sentence, written for a person. */
  readonly fromHub: boolean;
  /** Seconds to wait before trying again (the hub's Retry-After on 423 and 429), when given. */
  readonly retryAfterSec: number | null;
  /**
   * The answer's JSON as it came, unchecked: some routes declare a body of their own for
   * a refusal (a till's 409 and 422 say why and when), which the caller reads with that schema.
   */
  readonly answer: unknown;

  constructor(status: number, body: ApiErrorBody | null, fallback: { code: ClientErrorCode; message: string }, retryAfterSec: number | null = null, answer: unknown = undefined) {
    super(body?.error ?? fallback.message);
    this.status = status;
    this.code = body?.code ?? fallback.code;
    this.fromHub = body !== null;
    this.retryAfterSec = retryAfterSec;
    this.answer = answer;
  }
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
