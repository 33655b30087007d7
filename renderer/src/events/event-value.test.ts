import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../content/schema/events/tracking-plan.ts';
import { shedRank } from './event-value.ts';

describe('what the outbox gives up first at its budget', () => {
  it('never sheds sessions, scans, coupons or the prize decision', () => {
    const kept: EventName[] = ['Session Started', 'Session Ended', 'Attract Woken', 'Barcode Scanned', 'Coupon Issued', 'Coupon Not Issued', 'Game Finished', 'Events Dropped'];
    expect(kept.map(shedRank)).toEqual(kept.map(() => 2));
  });
  it('sheds heartbeats, gestures and screen views first, everything else after them', () => {
    expect((['Kiosk Heartbeat', 'Gesture Used', 'Screen Viewed'] as EventName[]).map(shedRank)).toEqual([0, 0, 0]);
    expect((['Product Viewed', 'Promotion Viewed', 'Game Started'] as EventName[]).map(shedRank)).toEqual([1, 1, 1]);
    expect(shedRank('An Event Added Later')).toBe(1);
  });
});
