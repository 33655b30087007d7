// Turns the host's pack notices (an import that failed, a pack rolled back) into
// engagement events, and acknowledges each only once its event is durable.
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { HostNotice } from '../../../electron/common/pack-admin.ts';
import type { Tracker } from '../events/tracker.ts';

async function record(tracker: Tracker, notice: HostNotice): Promise<void> {
  switch (notice.kind) {
    case 'pack-import-failed':
      return tracker.track('Pack Import Failed', { source: notice.source, file: notice.file, code: notice.code, message: notice.message.slice(0, 2000) });
    case 'pack-rolled-back':
      return tracker.track('Pack Rolled Back', {
        pack_id: notice.packId,
        pack_version: notice.version,
        reason: notice.reason,
        to_pack_id: notice.toPackId,
        to_version: notice.toVersion,
      });
    case 'pack-activated':
      // The renderer records "Pack Activated" itself when it starts on a pack.
      return;
  }
}

export async function forwardHostNotices(host: KioskApi, tracker: Tracker): Promise<() => void> {
  let chain = Promise.resolve();
  let acked = 0;
  const handle = (notices: HostNotice[]) => {
    chain = chain.then(async () => {
      for (const notice of notices.sort((a, b) => a.id - b.id)) {
        if (notice.id <= acked) continue;
        await record(tracker, notice);
        acked = notice.id;
        await host.ackHostNotices(notice.id);
      }
    }).catch(() => undefined);
    return chain;
  };
  const stop = host.onHostNotice((notice) => void handle([notice]));
  await handle(await host.getHostNotices());
  return stop;
}
