// The renderer's side of the hub agent: events go to the hub while the kiosk is enrolled
// (and are kept while it is not), the uploader wakes when the hub asks for the events,
// and the tests hear of every change of the hub status and every command run.
import type { HubStatus, KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { EngagementLog } from '../events/engagement-log.ts';
import { emitAppEvent } from '../test-hook/app-events.ts';

export interface FollowHubOptions {
  host: Pick<KioskApi, 'hub' | 'onHostCommand'>;
  log: Pick<EngagementLog, 'wake' | 'setDestination'>;
  /** hub.url is set: the hub, not the collector, is where events go. */
  eventsToHub: boolean;
}

/** Returns a function that stops following. */
export function followHub({ host, log, eventsToHub }: FollowHubOptions): () => void {
  let last: HubStatus | null = null;
  // One destination change at a time, in the order the statuses came.
  let switching: Promise<unknown> = Promise.resolve();

  function observe(status: HubStatus): void {
    const before = last;
    last = status;
    if (before?.state !== status.state || before?.storeId !== status.storeId) {
      emitAppEvent('hub-status', { state: status.state, storeId: status.storeId });
    }
    const command = status.lastCommand;
    if (command && command.id !== before?.lastCommand?.id) emitAppEvent('hub-command', { id: command.id, kind: command.kind, ok: command.ok });
    if (eventsToHub && (before === null || (before.state === 'enrolled') !== (status.state === 'enrolled'))) {
      switching = switching
        .then(() => host.hub.eventsTarget())
        .catch(() => null)
        .then((target) => log.setDestination(target))
        .catch(() => undefined);
    }
  }

  const stopStatus = host.hub.onStatus(observe);
  const stopCommands = host.onHostCommand((command) => {
    if (command.kind === 'upload-events') log.wake();
  });
  void host.hub
    .status()
    .then((status) => {
      if (last === null) observe(status);
    })
    .catch(() => undefined);
  return () => {
    stopStatus();
    stopCommands();
  };
}
