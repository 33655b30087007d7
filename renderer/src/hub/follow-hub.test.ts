import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { EventsTarget, HostCommand, HubStatus, KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { UploadDestination } from '../events/engagement-log.ts';
import { recentAppEvents, type AppEventMap, type AppEventName } from '../test-hook/app-events.ts';
import { followHub } from './follow-hub.ts';

/** The app events of one name emitted after this call. */
function lastEventsOf(): <K extends AppEventName>(name: K) => AppEventMap[K][] {
  const from = recentAppEvents().at(-1)?.seq ?? 0;
  return (name) => recentAppEvents().filter((e) => e.seq > from && e.type === name).map((e) => e.detail as AppEventMap[typeof name]);
}

const base: HubStatus = { state: 'not-enrolled', hubUrl: 'https://hub.example.com/', storeId: null, kioskName: null, enrolledAt: null, lastHeartbeatAt: null, lastError: null, lastCommand: null };
const enrolled: HubStatus = { ...base, state: 'enrolled', storeId: 'sh-001', kioskName: 'Window 1', lastHeartbeatAt: 1 };

function setup(first: HubStatus) {
  let target: EventsTarget | null = null;
  const statusListeners: ((s: HubStatus) => void)[] = [];
  const commandListeners: ((c: HostCommand) => void)[] = [];
  const host = {
    hub: {
      status: async () => first,
      eventsTarget: async () => target,
      onStatus: (l: (s: HubStatus) => void) => (statusListeners.push(l), () => undefined),
    },
    onHostCommand: (l: (c: HostCommand) => void) => (commandListeners.push(l), () => undefined),
  } as unknown as Pick<KioskApi, 'hub' | 'onHostCommand'>;
  const destinations: (UploadDestination | null)[] = [];
  let wakes = 0;
  const log = { setDestination: async (d: UploadDestination | null) => void destinations.push(d), wake: () => void (wakes += 1) };
  const stop = followHub({ host, log, eventsToHub: true });
  return {
    stop,
    destinations,
    wakes: () => wakes,
    setTarget: (t: EventsTarget | null) => void (target = t),
    status: (s: HubStatus) => statusListeners.forEach((l) => l(s)),
    command: (c: HostCommand) => commandListeners.forEach((l) => l(c)),
  };
}

describe('following the hub', () => {
  it('sends events to the hub once enrolled, keeps them once revoked, and tells the tests', async () => {
    const since = lastEventsOf();
    const k = setup(base);
    await flushPromises();
    expect(k.destinations).toEqual([null]);

    k.setTarget({ url: 'https://hub.example.com/', writeKey: 'kt_1' });
    k.status(enrolled);
    k.status({ ...enrolled, lastHeartbeatAt: 2 }); // a heartbeat changes nothing for the uploader
    await flushPromises();
    expect(k.destinations).toEqual([null, { url: 'https://hub.example.com/', writeKey: 'kt_1' }]);

    k.setTarget(null);
    k.status({ ...enrolled, state: 'revoked', lastError: 'revoked' });
    await flushPromises();
    expect(k.destinations.at(-1)).toBeNull();
    expect(since('hub-status')).toEqual([
      { state: 'not-enrolled', storeId: null },
      { state: 'enrolled', storeId: 'sh-001' },
      { state: 'revoked', storeId: 'sh-001' },
    ]);
    k.stop();
  });

  it('wakes the uploader when the hub asks for the events, and reports each command run once', async () => {
    const since = lastEventsOf();
    const k = setup(enrolled);
    await flushPromises();
    k.command({ id: 'c-1', kind: 'upload-events' });
    expect(k.wakes()).toBe(1);
    const ran = { id: 'c-1', kind: 'upload-events' as const, ok: true, message: 'Asked', at: 5 };
    k.status({ ...enrolled, lastCommand: ran });
    k.status({ ...enrolled, lastCommand: ran, lastHeartbeatAt: 9 });
    expect(since('hub-command')).toEqual([{ id: 'c-1', kind: 'upload-events', ok: true }]);
  });
});
