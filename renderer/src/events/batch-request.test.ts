import { describe, expect, it } from 'vitest';
import { batchBody, batchEndpoint, batchHeaders, gzipText } from './batch-request.ts';

describe('what one upload sends', () => {
  it('posts to <collector>/v1/batch, or to the URL itself when it already names that endpoint', () => {
    expect(batchEndpoint('https://collector.example.com')).toBe('https://collector.example.com/v1/batch');
    expect(batchEndpoint('https://dataplane.example.com/rudder')).toBe('https://dataplane.example.com/rudder/v1/batch');
    expect(batchEndpoint('https://dataplane.example.com/rudder/')).toBe('https://dataplane.example.com/rudder/v1/batch');
    expect(batchEndpoint('https://api.segment.io/v1/batch')).toBe('https://api.segment.io/v1/batch');
    expect(batchEndpoint('https://proxy.example.com/kiosk/v1/batch/')).toBe('https://proxy.example.com/kiosk/v1/batch/');
  });

  it('stamps every message and the batch with one sentAt, and repeats the write key in the body', () => {
    const sentAt = '2026-11-23T10:15:02.120Z';
    const body = JSON.parse(batchBody(['{"messageId":"a"}', '{"messageId":"b"}'], sentAt, 'wk')) as unknown;
    expect(body).toEqual({ batch: [{ messageId: 'a', sentAt }, { messageId: 'b', sentAt }], sentAt, writeKey: 'wk' });
    expect(JSON.parse(batchBody(['{"messageId":"a"}'], sentAt, undefined))).toEqual({ batch: [{ messageId: 'a', sentAt }], sentAt });
  });

  it('sends the write key as the Basic auth user name with an empty password, and says when the body is gzipped', () => {
    expect(batchHeaders('key', true)).toEqual({ 'content-type': 'application/json', authorization: 'Basic a2V5Og==', 'content-encoding': 'gzip' });
    // UTF-8 before base64: "ü:" is c3 bc 3a.
    expect(batchHeaders('ü', true).authorization).toBe('Basic w7w6');
    expect(batchHeaders(undefined, false)).toEqual({ 'content-type': 'application/json' });
  });

  it('gzips the body so that any collector can inflate it', async () => {
    const text = JSON.stringify({ batch: Array.from({ length: 50 }, (_, i) => ({ event: 'Promotion Viewed', i })) });
    const gz = await gzipText(text);
    expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b]);
    expect(gz.length).toBeLessThan(text.length);
    const inflated = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(inflated).toBe(text);
  });
});
