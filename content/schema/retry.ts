// When to try again after a failure, written once for every client of a server that
// can fail (the event uploader, the pack update poller): full-jitter exponential backoff
// ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015) with no cap on the
// number of attempts, and the server's own Retry-After header. Pure: the caller passes
// the time and the randomness.

export interface RetryPolicy {
  /** The ceiling of the wait before any doubling. */
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
}

/** A uniformly random wait in [0, min(cap, base·2^doublings)). */
export function fullJitterDelay(doublings: number, policy: RetryPolicy, random: () => number = Math.random): number {
  // 2^40 already dwarfs any cap; beyond it the power would overflow to Infinity.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(doublings, 40));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as milliseconds from `nowMs`: either delta-seconds ("120") or an
 * HTTP-date. Null when absent or unreadable; never negative; at most `maxMs`.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number, maxMs: number): number | null {
  if (value == null) return null;
  const text = value.trim();
  if (text === '') return null;
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP-date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT").
    if (!/[A-Za-z]{3}/.test(text)) return null;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - nowMs;
  }
  return Math.min(Math.max(0, ms), maxMs);
}
