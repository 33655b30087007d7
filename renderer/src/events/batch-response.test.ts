import { describe, expect, it } from 'vitest';
import { interpretResponse } from './batch-response.ts';

const ids = ['a', 'b', 'c', 'd'];

describe('reading the collector answer', () => {
  it('takes per-event results: accepted and duplicate are done, rejected is final, the rest is retried', () => {
    const body = JSON.stringify({
      success: true,
      results: [
        { messageId: 'a', status: 'accepted' },
        { messageId: 'b', status: 'duplicate' },
        { messageId: 'c', status: 'rejected', reason: 'event: too long' },
      ],
    });
    expect(interpretResponse(200, null, body, ids)).toEqual({
      kind: 'settled',
      accepted: ['a', 'b'],
      rejected: [{ messageId: 'c', reason: 'event: too long' }],
      retry: ['d'],
    });
  });

  it('sends again an event whose result does not fit the contract, and settles the others', () => {
    const body = JSON.stringify({
      success: true,
      results: [{ messageId: 'a', status: 'accepted' }, { messageId: 'b', status: 'kept-maybe' }, { messageId: 7, status: 'accepted' }, 'c', { messageId: 'd', status: 'duplicate' }],
    });
    expect(interpretResponse(200, null, body, ids)).toEqual({ kind: 'settled', accepted: ['a', 'd'], rejected: [], retry: ['b', 'c'] });
  });

  it('treats a 2xx without per-event results (Segment, RudderStack) as every event taken', () => {
    expect(interpretResponse(200, null, '{"success":true}', ids)).toMatchObject({ kind: 'settled', accepted: ids, retry: [] });
    expect(interpretResponse(200, null, 'OK', ids)).toMatchObject({ kind: 'settled', accepted: ids });
  });

  it('splits a batch refused as a whole (400, 413) to find the bad event', () => {
    expect(interpretResponse(400, null, '{"error":"message 3 is invalid"}', ids)).toEqual({ kind: 'split', reason: 'HTTP 400: message 3 is invalid' });
    expect(interpretResponse(413, null, 'too big', ids).kind).toBe('split');
  });

  it('retries server errors and throttling, passing Retry-After on for 429 and 503 only', () => {
    expect(interpretResponse(429, '30', '', ids)).toMatchObject({ kind: 'retry', retryAfter: '30', network: false });
    expect(interpretResponse(503, '5', 'down', ids)).toMatchObject({ kind: 'retry', retryAfter: '5' });
    expect(interpretResponse(500, '5', 'boom', ids)).toMatchObject({ kind: 'retry', retryAfter: null, reason: 'HTTP 500: boom' });
  });

  it('never drops events for a wrong write key: retries and says what to fix', () => {
    expect(interpretResponse(401, null, '', ids)).toMatchObject({ kind: 'retry', reason: expect.stringContaining('collector.writeKey') });
  });
});
