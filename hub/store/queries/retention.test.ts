import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database.ts';
import { pruneRawEvents } from './analytics.ts';
import { ingestBatch, type AcceptedMessage } from './ingest.ts';
import { enrolKiosk } from './kiosks.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1);
const msg = (n: number, at: number): AcceptedMessage => ({ messageId: `m-${n}`, seq: n, event: 'Session Started', originalAt: at, json: `{"n":${n}}`, properties: { trigger: 'touch' }, anonymousId: `s-${n}`, pack: 'p@1' });

describeEachDatabase('raw event retention', (fixture) => {
  it('deletes raw events older than the retention and keeps the dashboards’ rollups', async () => {
    const store = await fixture.open();
    await enrolKiosk(store, { deviceId: 'dev-00000001', storeId: 'sh-001', name: 'W', tokenId: 't', tokenHash: 'h', appVersion: '1', platform: 'linux', couponKey: null, now: T0 });
    await ingestBatch(store, { deviceId: 'dev-00000001', receivedAt: T0 + 3_600_000, accepted: [msg(1, T0), msg(2, T0)], rejected: [] });
    await ingestBatch(store, { deviceId: 'dev-00000001', receivedAt: T0 + 5 * DAY, accepted: [msg(3, T0 + 5 * DAY)], rejected: [] });
    await pruneRawEvents(store, T0 + 2 * DAY);
    const left = await store.db.selectFrom('events').select('seq').execute();
    expect(left.map((r) => r.seq)).toEqual([3]);
    const sessions = await store.db.selectFrom('funnel_hourly').select((e) => e.fn.sum<number>('sessions').as('n')).executeTakeFirstOrThrow();
    expect(Number(sessions.n)).toBe(3);
  });
});
