import { describe, expect, it } from 'vitest';
import { checkTrackMessage, MAX_EVENT_BYTES, TrackMessage } from './track-message.ts';

const good = {
  type: 'track',
  messageId: '019aa5c2-6f1e-7b3a-9c4d-2f6e8a1b3c5d',
  anonymousId: '6f0c1a9e',
  event: 'Session Started',
  properties: { trigger: 'touch' },
  originalTimestamp: '2026-11-23T10:14:58.031Z',
  sentAt: '2026-11-23T10:15:02.120Z',
  context: { locale: 'zh-CN', kiosk: { deviceId: '3c1d', bootId: 'a82e', seq: 1287, monotonicMs: 5234410, packId: 'spring', packVersion: null } },
};

/** Every way of breaking one field the rules look at, and some harmless changes. */
function variants(): unknown[] {
  const out: unknown[] = [good, null, [], 'track', { ...good, extra: { deep: [1, 2] } }];
  const values = [undefined, null, '', 'x', 'x'.repeat(101), 'x'.repeat(201), 0, -1, 1.5, 2 ** 60, Number.NaN, true, {}, [], 'not a date', '2026-11-23'];
  for (const key of ['type', 'messageId', 'anonymousId', 'userId', 'event', 'properties', 'originalTimestamp', 'timestamp', 'sentAt', 'context']) {
    for (const v of values) out.push({ ...good, [key]: v });
  }
  for (const key of ['deviceId', 'bootId', 'seq', 'monotonicMs', 'packId', 'packVersion']) {
    for (const v of values) out.push({ ...good, context: { ...good.context, kiosk: { ...good.context.kiosk, [key]: v } } });
  }
  out.push({ ...good, anonymousId: undefined, userId: 'u1' }, { ...good, context: { kiosk: undefined } }, { ...good, context: [] });
  return out;
}

describe('one message on the wire', () => {
  it('takes and refuses exactly what the TrackMessage schema does, with its reason', () => {
    for (const raw of variants()) {
      const checked = checkTrackMessage(JSON.parse(JSON.stringify(raw ?? null)));
      const zod = TrackMessage.safeParse(JSON.parse(JSON.stringify(raw ?? null)));
      expect(checked.ok, JSON.stringify(raw)).toBe(zod.success);
      if (!checked.ok && !zod.success) expect(checked.reason).toContain(zod.error.issues[0]!.message);
    }
  });

  it('refuses a message over 32 KB as sent, counting UTF-8 bytes', () => {
    const chinese = { ...good, properties: { name: '苹'.repeat(Math.ceil(MAX_EVENT_BYTES / 3)) } };
    const checked = checkTrackMessage(chinese);
    expect(checked).toMatchObject({ ok: false, reason: expect.stringMatching(/^message is \d+ bytes, the limit is 32768$/), messageId: good.messageId, deviceId: '3c1d', seq: 1287 });
    const fits = { ...good, properties: { name: 'a'.repeat(MAX_EVENT_BYTES - 600) } };
    expect(checkTrackMessage(fits).ok).toBe(true);
  });
});
