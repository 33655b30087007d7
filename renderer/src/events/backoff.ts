// When to try again: full-jitter exponential backoff ("Exponential Backoff And Jitter",
// AWS Architecture Blog, 2015) with no cap on the number of attempts, and the
// collector's own Retry-After when it sends one.

export interface BackoffPolicy {
  /** The first ceiling; each failure doubles it. */
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
  /** A Retry-After longer than this is treated as this (a broken header must not park a kiosk for days). */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 };

/** A uniformly random wait in [0, min(cap, base·2^failures)). */
export function fullJitterDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures, 40));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as milliseconds from `nowMs`: either delta-seconds ("120") or an
 * HTTP-date. Null when absent or unreadable; never negative; at most maxMs.
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
