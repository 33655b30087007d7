// The rig's questions to the hub's tables: what a kiosk's events look like to the backend
// (missing seq numbers minus reported drops and rejections, seq conflicts), and the same
// gap count the console's fleet page shows.
import { afterEach, describe, expect, it } from 'vitest';
import { startHubRig, type HubRig } from './hub-rig.ts';

const DEVICE = 'rig-test-kiosk';
const running: HubRig[] = [];
afterEach(async () => {
  for (const rig of running.splice(0)) await rig.close();
});

let n = 0;
function track(seq: number, extra: Record<string, unknown> = {}) {
  n += 1;
  return {
    type: 'track',
    messageId: `m-${seq}-${n}`,
    anonymousId: 'session-1',
    event: 'Screen Viewed',
    properties: { screen: 'home' },
    originalTimestamp: '2026-11-23T10:00:00.000Z',
    context: { kiosk: { deviceId: DEVICE, bootId: 'b', seq, monotonicMs: 1 } },
    ...extra,
  };
}

/** Straight to the hub, as an enrolled kiosk posts. */
async function post(rig: HubRig, credential: string, messages: unknown[]): Promise<void> {
  const res = await fetch(`${rig.hub.url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
    body: JSON.stringify({ batch: messages }),
  });
  expect(res.status).toBe(200);
}

describe('hub rig', () => {
  it('gives kiosks the proxy and an enrolment token for the store, and enrols a kiosk as its agent does', async () => {
    const rig = await startHubRig({ storeId: 'sh-001' });
    running.push(rig);
    expect(rig.kioskHub).toEqual({ url: rig.proxy.url, enrolmentToken: rig.enrolmentToken });
    expect(rig.enrolmentToken).toMatch(/^et_/);
    expect(rig.connectOrigins).toEqual([new URL(rig.proxy.url).origin]);
    expect(await rig.enrol(DEVICE)).toMatch(/^kt_/);
    const kiosk = await rig.hub.store.db.selectFrom('kiosks').select(['device_id', 'store_id']).executeTakeFirstOrThrow();
    expect(kiosk).toEqual({ device_id: DEVICE, store_id: 'sh-001' });
  });

  it('reports seq numbers that never arrived, minus those the kiosk said it dropped or the hub rejected, and seq conflicts', async () => {
    const rig = await startHubRig();
    running.push(rig);
    const credential = await rig.enrol(DEVICE);
    await post(rig, credential, [2, 3, 7, 8, 12].map((s) => track(s)));
    expect(await rig.health(DEVICE)).toMatchObject({ events: 5, firstSeq: 2, lastSeq: 12, missing: { count: 7, ranges: [[1, 1], [4, 6], [9, 11]] }, fleetSeqGaps: 7 });
    const dropped = track(13, { event: 'Events Dropped', properties: { reason: 'budget', count: 4, seq_ranges: [[4, 6], [10, 10]], by_event: { 'Kiosk Heartbeat': 4 } } });
    await post(rig, credential, [dropped, track(9, { event: 'x'.repeat(201) }), track(2)]);
    expect(await rig.health(DEVICE)).toMatchObject({
      events: 7,
      lastSeq: 13,
      missing: { count: 2, ranges: [[1, 1], [11, 11]] },
      rejected: 1,
      seqConflicts: 1,
      fleetSeqGaps: 2,
    });
    expect(await rig.devices()).toEqual([DEVICE]);
    expect((await rig.eventsNamed('Screen Viewed')).map((e) => e.seq)).toEqual([2, 2, 3, 7, 8, 12]);
    expect((await rig.allEvents()).map((e) => e.event)).toContain('Events Dropped');
    expect(await rig.count()).toBe(7);
    expect(await rig.databaseBytes()).toBeGreaterThan(0);
  });
});
