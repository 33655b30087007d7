import { describe, expect, it } from 'vitest';
import { describeEnrolFailure, describeFailure, enrolFailureIsFinal, enrolStoreId, normaliseEnrolmentSecret, retryDelay, revokedReason, type Failure } from './hub-rules.ts';

const refused = (status: number, message: string | null = null, retryAfterMs: number | null = null): Failure => ({ kind: 'refused', status, message, code: null, retryAfterMs });
const HUB = 'https://hub.example.com/base/';

describe('hub rules', () => {
  it("waits what the hub asks on 429 and 503, and full jitter otherwise, capped at 5 minutes", () => {
    expect(retryDelay(1, refused(503, null, 120_000), () => 0.5)).toEqual({ ms: 120_000, hubAsked: true });
    expect(retryDelay(1, refused(429, null, 7_000), () => 0.5)).toEqual({ ms: 7_000, hubAsked: true });
    // A Retry-After on another status is not the hub asking for a pause.
    expect(retryDelay(1, refused(500, null, 120_000), () => 0.5)).toEqual({ ms: 1_000, hubAsked: false });
    expect(retryDelay(3, { kind: 'unreachable', message: 'fetch failed' }, () => 0.99).ms).toBe(7_920);
    expect(retryDelay(50, { kind: 'unreachable', message: 'fetch failed' }, () => 0.999_999).ms).toBeLessThan(300_000);
  });

  it('says what went wrong in words an installer can act on, naming the hub by its origin only', () => {
    expect(describeFailure('heartbeat', { kind: 'unreachable', message: 'fetch failed (ECONNREFUSED)' }, HUB, 4_000)).toBe(
      'Cannot reach the hub at https://hub.example.com (fetch failed (ECONNREFUSED)): check the network and hub.url in kiosk.json. Trying again in 4 s.',
    );
    expect(describeFailure('heartbeat', refused(503, 'Down for maintenance'), HUB, 60_000)).toBe('The hub at https://hub.example.com is busy (503: Down for maintenance). Trying again in 60 s.');
    expect(describeFailure('heartbeat', refused(404), HUB, null)).toMatch(/does not know the heartbeat route.*hub.url points at the hub itself/);
    expect(describeFailure('heartbeat', refused(400, 'uptimeSec: too small'), HUB, null)).toMatch(/refused the heartbeat \(400: uptimeSec: too small\).*update them/);
  });

  it("says why the kiosk is not enrolled any more, in the hub's words when it gave some", () => {
    expect(revokedReason({ kind: 'refused', status: 401, message: 'This kiosk was revoked in the console.', code: 'revoked', retryAfterMs: null })).toBe(
      "The hub no longer accepts this kiosk's credential: This kiosk was revoked in the console.",
    );
    expect(revokedReason({ kind: 'refused', status: 401, message: null, code: null, retryAfterMs: null })).toMatch(/credential: it was revoked in the console, or the hub was reset\. Enrol the kiosk again/);
  });

  it("gives the hub's own words when it refuses an enrolment, and knows which refusals are final", () => {
    expect(describeEnrolFailure(refused(401, 'This code has expired.'), HUB, null)).toBe('This code has expired.');
    expect(describeEnrolFailure(refused(401), HUB, null)).toMatch(/refused this enrolment code/);
    expect(describeEnrolFailure(refused(409), HUB, null)).toMatch(/already enrolled/);
    expect(describeEnrolFailure(refused(503), HUB, 30_000)).toMatch(/busy.*Trying again in 30 s/);
    expect(enrolFailureIsFinal(refused(401))).toBe(true);
    expect(enrolFailureIsFinal(refused(409))).toBe(true);
    expect(enrolFailureIsFinal(refused(429))).toBe(false);
    expect(enrolFailureIsFinal(refused(502))).toBe(false);
    expect(enrolFailureIsFinal({ kind: 'unreachable', message: 'timeout' })).toBe(false);
  });

  it('takes a code as people type it, and refuses what cannot be one', () => {
    expect(normaliseEnrolmentSecret('K7Q2-M9XD')).toEqual({ ok: true, secret: 'K7Q2-M9XD' });
    expect(normaliseEnrolmentSecret(' k7q2m9xd ')).toEqual({ ok: true, secret: 'K7Q2-M9XD' });
    expect(normaliseEnrolmentSecret('k7q2 m9xd')).toEqual({ ok: true, secret: 'K7Q2-M9XD' });
    expect(normaliseEnrolmentSecret('et_abcdef123')).toEqual({ ok: true, secret: 'et_abcdef123' });
    for (const bad of ['', 'K7Q2', 'K7Q2-M9X0', 'IIII-OOOO', 'K7Q2-M9XD-AAAA']) expect(normaliseEnrolmentSecret(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/K7Q2-M9XD/) });
  });

  it("sends the settings' store id only when the hub would take it", () => {
    expect(enrolStoreId('sh-001')).toBe('sh-001');
    expect(enrolStoreId('Store 1')).toBeUndefined();
  });
});
