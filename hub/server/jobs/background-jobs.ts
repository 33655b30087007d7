// The hub's background work, each job run by one hub process at a time (the leader):
// alerts every minute; the dashboards' daily rollups every minute (a day is built once it
// is over and its grace has passed, again when late uploads changed it); expiring
// commands and pruning old sessions and history points.
import { pruneSessions } from '../../store/queries/accounts.ts';
import { expireCommands } from '../../store/queries/commands.ts';
import { pruneHealth } from '../../store/queries/kiosks.ts';
import { pruneRawEvents } from '../../store/queries/analytics.ts';
import { buildDueDays } from '../../store/queries/day-rollups.ts';
import { asLeader } from '../../store/queries/leader.ts';
import { evaluateAlerts } from '../alerts/alert-job.ts';
import type { HubContext } from '../hub-context.ts';

export interface Job {
  name: string;
  everyMs: number;
  run(hub: HubContext): Promise<void>;
}

export const JOBS: readonly Job[] = [
  { name: 'alerts', everyMs: 60_000, run: evaluateAlerts },
  {
    name: 'daily-rollups',
    everyMs: 60_000,
    async run(hub) {
      await buildDueDays(hub.store, hub.clock.now());
    },
  },
  {
    name: 'housekeeping',
    everyMs: 10 * 60_000,
    async run(hub) {
      const now = hub.clock.now();
      await expireCommands(hub.store, now);
      await pruneSessions(hub.store, now);
      await pruneHealth(hub.store, now);
      if (hub.options.eventRetentionDays > 0) await pruneRawEvents(hub.store, now - hub.options.eventRetentionDays * 86_400_000);
    },
  },
];

/** Runs one job now, as leader; a failure is logged and tried again next time. */
export async function runJob(hub: HubContext, job: Job): Promise<void> {
  try {
    await asLeader(hub.store, job.name, () => job.run(hub));
  } catch (err) {
    hub.log.error({ err, job: job.name }, 'background job failed');
  }
}

/** Starts every job on its interval; returns a function that stops them. */
export function startJobs(hub: HubContext, jobs: readonly Job[] = JOBS): () => Promise<void> {
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) =>
    setInterval(() => {
      const p = runJob(hub, job).finally(() => running.delete(p));
      running.add(p);
    }, job.everyMs),
  );
  return async () => {
    timers.forEach(clearInterval);
    await Promise.all(running);
  };
}
