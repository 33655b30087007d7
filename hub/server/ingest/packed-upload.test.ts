import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { track } from '../testing/hub-fixture.ts';
import { packUpload, unpackUpload, type PackedUpload } from './packed-upload.ts';
import { readUpload } from './read-upload.ts';

const DEVICE = 'kiosk-pack-0001';
/** Through a structured clone, as a worker's answer crosses to the main thread. */
const acrossThreads = (packed: PackedUpload) => deserialize(serialize(packed)) as PackedUpload;
const read = (messages: unknown[]) => readUpload(undefined, Buffer.from(JSON.stringify({ batch: messages })), DEVICE);

describe('an upload packed on a worker and unpacked on the main thread', () => {
  it('is the upload as read inline: every message, verdict and fact, in order', () => {
    const upload = read([
      track(DEVICE, 1, 'Session Started', { trigger: 'touch' }),
      { type: 'track', messageId: 'no-event' },
      track(DEVICE, 2, 'Barcode Scanned', { source: 'scanner', lookup: 'hit', product_id: '06901234567892' }),
      track(DEVICE, 3, 'Game Finished', { game_id: 'wheel', game_kind: 'wheel', campaign_id: 'juice', completed: true, prize_outcome: 'won', prize_odds: { juice: 0.2 } }),
      track('kiosk-other-0002', 4),
      track(DEVICE, 5, 'Coupon Issued', {
        coupon_id: 'k1-1', campaign_id: 'juice', game_id: 'wheel', kiosk_id: 'k1', key_id: 'x', kiosk_coupon_seq: 1,
        issued_at: '2026-12-07T02:00:00.000Z', expires_at: '2026-12-08T02:00:00.000Z', reward_kind: 'amount-off', reward_value: 500, token: 'T'.repeat(152),
      }),
      track(DEVICE, 6, 'Session Ended', { reason: 'idle', duration_ms: 42_000 }),
      { ...track(DEVICE, 7, 'Events Dropped', { reason: 'budget', count: 2, seq_ranges: [[8, 9]] }), anonymousId: 'kiosk-boot-1' },
      track(DEVICE, 2, 'Barcode Scanned', { source: 'scanner', lookup: 'hit', product_id: '06901234567892' }),
    ]);
    expect(upload.ok && upload.verdicts.map((v) => v.kind)).toEqual(['accepted', 'rejected', 'accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(unpackUpload(acrossThreads(packUpload(upload)))).toEqual(upload);
    // What the writer needs came across with it, and the properties stayed behind.
    const [, scan, game, coupon, ended, dropped] = upload.ok ? upload.accepted : [];
    expect(scan!.facts).toMatchObject({ session: 'a0b1c2', scan: { productId: '06901234567892', found: true } });
    expect(game!.facts!.game!.campaigns).toEqual([{ campaignId: 'juice', odds: '0.2', drawn: true, won: true }]);
    expect(coupon!.facts!.coupon).toMatchObject({ couponId: 'k1-1', rewardValue: 500 });
    expect(ended!.facts!.durationMs).toBe(42_000);
    expect(dropped!.facts).toMatchObject({ session: null, dropped: [[8, 9]] });
    expect(upload.ok && upload.accepted.some((m) => 'properties' in m)).toBe(false);
  });

  it('passes a refused upload through unchanged', () => {
    const refused = readUpload(undefined, Buffer.from('{"batch":['), DEVICE);
    expect(refused.ok).toBe(false);
    expect(unpackUpload(acrossThreads(packUpload(refused)))).toEqual(refused);
  });
});
