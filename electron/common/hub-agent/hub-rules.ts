// The agent's decisions, pure: how long to wait after a failure, what a failure means in
// words an installer can act on, and what a typed enrolment code is. The agent does
// the I/O and follows these.
import { ENROLMENT_CODE, StoreId } from '../../../content/schema/hub-api/enrolment.ts';
import { fullJitterDelay, type RetryPolicy } from '../../../content/schema/retry.ts';
import type { HubAnswer } from './hub-client.ts';

/** The project's one backoff, as the event uploader uses it: up to 1 s · 2^failures, at most 5 minutes. */
export const HUB_BACKOFF: RetryPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** Requests other than the long-poll get this long to answer. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The long-poll gets the time the hub may hold it, and this much more. */
export const POLL_GRACE_MS = 15_000;

export type Failure = Exclude<HubAnswer<unknown>, { kind: 'ok' }>;

/**
 * The wait after `failures` failures in a row (1 for the first): the hub's Retry-After
 * when it sent one (on 429 and 503), otherwise full jitter. No limit on attempts.
 */
export function retryDelay(failures: number, failure: Failure, random: () => number): { ms: number; hubAsked: boolean } {
  if (failure.kind === 'refused' && (failure.status === 429 || failure.status === 503) && failure.retryAfterMs !== null) {
    return { ms: failure.retryAfterMs, hubAsked: true };
  }
  return { ms: fullJitterDelay(failures, HUB_BACKOFF, random), hubAsked: false };
}

/** The hub's origin, for sentences (never its path or credentials). */
export function hubOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

const inSeconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** A failure on a kiosk route (heartbeat, commands, results) as a sentence, with when the kiosk tries again. */
export function describeFailure(what: string, failure: Failure, hubUrl: string, retryInMs: number | null): string {
  const again = retryInMs === null ? '' : ` Trying again in ${inSeconds(retryInMs)}.`;
  const origin = hubOrigin(hubUrl);
  switch (failure.kind) {
    case 'unreachable':
      return `Cannot reach the hub at ${origin} (${failure.message}): check the network and hub.url in kiosk.json.${again}`;
    case 'not-sent':
      return `The ${what} was not sent: ${failure.message}. This is a fault in the kiosk app; please report it.${again}`;
    case 'refused': {
      const said = failure.message ? `: ${failure.message}` : '';
      if (failure.status === 429 || failure.status === 503) return `The hub at ${origin} is busy (${failure.status}${said}).${again}`;
      if (failure.status === 400 || failure.status === 413 || failure.status === 415 || failure.code === 'bad-answer') {
        return `The hub at ${origin} refused the ${what} (${failure.status}${said}): the kiosk app and the hub may be of versions that do not fit; update them.${again}`;
      }
      if (failure.status === 404) return `The hub at ${origin} does not know the ${what} route (404): check that hub.url points at the hub itself.${again}`;
      return `The hub at ${origin} answered ${failure.status} to the ${what}${said}.${again}`;
    }
  }
}

/** The sentence shown when the hub refuses the kiosk's credential (401 on any kiosk route). */
export function revokedReason(failure: Failure & { kind: 'refused' }): string {
  const why = failure.message ?? 'it was revoked in the console, or the hub was reset. Enrol the kiosk again with a new code on the admin screen.';
  return `The hub no longer accepts this kiosk's credential: ${why}`;
}

/**
 * An enrolment failure as a sentence: the hub's own words when it refused the secret,
 * otherwise what to check. `retryInMs` when the kiosk tries again by itself (a token).
 */
export function describeEnrolFailure(failure: Failure, hubUrl: string, retryInMs: number | null): string {
  const again = retryInMs === null ? '' : ` Trying again in ${inSeconds(retryInMs)}.`;
  if (failure.kind === 'refused' && failure.status !== 429 && failure.status !== 503 && failure.status < 500) {
    if (failure.message) return failure.message;
    if (failure.status === 401) return 'The hub refused this enrolment code: check it, or make a new one in the console.';
    if (failure.status === 409) return 'The hub says this kiosk is already enrolled: revoke it in the console first.';
  }
  return describeFailure('enrolment', failure, hubUrl, null) + again;
}

/** Whether a refused enrolment is worth trying again by itself (hub busy or unreachable), or final (wrong secret). */
export function enrolFailureIsFinal(failure: Failure): boolean {
  if (failure.kind === 'unreachable') return false;
  if (failure.kind === 'not-sent') return true;
  return failure.status !== 429 && failure.status < 500;
}

export type SecretCheck = { ok: true; secret: string } | { ok: false; message: string };

/**
 * A code as an installer types it (`k7q2 m9xd`, `K7Q2-M9XD`), tidied to what the hub
 * expects, or an `et_…` token as it is.
 */
export function normaliseEnrolmentSecret(typed: string): SecretCheck {
  const text = typed.trim();
  if (/^et_\S{5,}$/.test(text) && text.length <= 200) return { ok: true, secret: text };
  const code = text.toUpperCase().replace(/[\s_–—]+/g, '').replace(/^(.{4})-?(.{4})$/, '$1-$2');
  if (ENROLMENT_CODE.test(code)) return { ok: true, secret: code };
  return { ok: false, message: 'That is not an enrolment code: type the 8 letters and digits shown in the console, like K7Q2-M9XD.' };
}

/** The store id from the settings if the hub would take it; otherwise the code's store decides. */
export function enrolStoreId(storeId: string): string | undefined {
  return StoreId.safeParse(storeId).success ? storeId : undefined;
}
